"""Running our own server processes in tests, on a copy of (or the same) test database."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def base_environment() -> dict[str, str]:
    """The environment of `make run` without REDIS_URL, for a server started by a test."""
    return {
        **os.environ,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DEBUG": "false",
        "HTTPS": "false",
        "TESTING": "true",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": "",
        "EMAIL_URL": "consolemail://",
        "PYTHONPATH": str(ROOT),
    }


def server_environment(tmp_path: Path) -> dict[str, str]:
    """The environment of `make run`, without REDIS_URL, on a copy of the test database."""
    env = base_environment()
    if connection.vendor == "sqlite":
        database = tmp_path / "site.sqlite3"
        with sqlite3.connect(database) as target:
            connection.ensure_connection()
            connection.connection.backup(target)
        env.update(DATABASE_URL="", SQLITE_PATH=str(database))
    else:
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    return env


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cosmediclist.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_until_up(
    port: int, *, timeout: float = 120, request_timeout: float = 30, interval: float = 0.2
) -> None:
    """Wait until the server on ``port`` answers /healthz (any status), at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=request_timeout)
            return
        except requests.RequestException:
            time.sleep(interval)
    raise AssertionError(f"the server on port {port} did not start")
