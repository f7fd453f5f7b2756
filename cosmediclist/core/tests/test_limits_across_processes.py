"""Rate limits hold across server processes: what make run and the README's recipes run."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import settings
from django.db import connection

from conftest import PASSWORD, free_port, make_user

ROOT = Path(settings.BASE_DIR)


def server_environment(tmp_path: Path) -> dict[str, str]:
    """The environment of `make run`, without REDIS_URL, on a copy of the test database."""
    env = {
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


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=30)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError(f"the server on port {port} did not start")


@pytest.fixture
def two_servers(transactional_db: None, tmp_path: Path, settings: Any) -> Iterator[list[str]]:
    # The servers run with the real hashers, so the password must be stored with one of them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    make_user("rosa.reader@example.org", "Rosa", "Reader")
    env = server_environment(tmp_path)
    ports = [free_port(), free_port()]
    processes = [start_server(env, port) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def sign_in(base: str, password: str) -> int:
    session = requests.Session()
    page = session.get(f"{base}/account/sign-in/", timeout=10).text
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match
    response = session.post(
        f"{base}/account/sign-in/",
        data={"csrfmiddlewaretoken": match[1], "email": "rosa.reader@example.org", "password": password},
        allow_redirects=False,
        timeout=10,
    )
    return response.status_code


def test_the_sixth_failed_sign_in_gets_429_on_either_server_process(two_servers: list[str]) -> None:
    first, second = two_servers
    statuses = [sign_in(base, "nope-nope-nope") for base in (first, second, first, second, first)]
    assert statuses == [400] * 5
    assert sign_in(second, PASSWORD) == 429
    assert sign_in(first, PASSWORD) == 429
    assert [sign_in(base, "nope-nope-nope") for base in (second, first)] == [429, 429]
