"""The processes the chaos tests kill: gunicorn (as a process group) and the task worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from tests import servers
from tests.servers import ROOT


class Gunicorn:
    """The production web server on loopback; ``kill()`` is SIGKILL to the master and its workers."""

    def __init__(
        self, env: dict[str, str], port: int, log: Path, *, workers: int = 2, threads: int = 1
    ) -> None:
        self.env, self.port, self.workers, self.threads = env, port, workers, threads
        self.log: IO[bytes] = log.open("ab")
        self.process: subprocess.Popen[bytes] | None = None
        self.kills = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "cosmediclist.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--timeout",
                "30",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,  # its own process group: one killpg reaches the workers too
        )

    def wait_until_up(self, timeout: float = 120) -> None:
        servers.wait_until_up(self.port, timeout=timeout, request_timeout=10, interval=0.1)

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.kills += 1

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.log.close()


def start_worker(env: dict[str, str], log: IO[bytes] | int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    """The task worker as bin/serve runs it (no reloader)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )


def sigkill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
