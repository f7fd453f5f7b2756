"""bin/serve keeps the site up when the task worker dies, and starts the worker again."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.servers import ROOT, free_port, server_environment, wait_until_up


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def descendants_running(root: int, command_part: str) -> list[int]:
    found, queue = [], [root]
    while queue:
        for child in children(queue.pop()):
            queue.append(child)
            try:
                cmdline = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if command_part.encode() in cmdline and b"bash" not in cmdline:
                found.append(child)
    return found


def wait_for(predicate: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError("gave up waiting")


@pytest.fixture
def serve(transactional_db: None, tmp_path: Path) -> Iterator[tuple[int, str]]:
    port = free_port()
    env = {**server_environment(tmp_path), "PORT": str(port), "WEB_WORKERS": "1"}
    process = subprocess.Popen(  # noqa: S603 - our own script
        [str(ROOT / "bin" / "serve")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_until_up(port)
        yield process.pid, f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):  # anything left in its group
                os.killpg(process.pid, signal.SIGKILL)


def test_killing_the_task_worker_leaves_the_site_up_and_the_worker_comes_back(serve: tuple[int, str]) -> None:
    pid, base = serve
    wait_for(lambda: descendants_running(pid, "db_worker"))
    (worker,) = descendants_running(pid, "db_worker")
    os.kill(worker, signal.SIGKILL)
    time.sleep(0.5)
    assert requests.get(f"{base}/healthz", timeout=30).status_code == 200
    wait_for(lambda: [p for p in descendants_running(pid, "db_worker") if p != worker])
    assert requests.get(f"{base}/healthz", timeout=30).status_code == 200
    (periodic,) = descendants_running(pid, "run_periodic")
    os.kill(periodic, signal.SIGKILL)
    wait_for(lambda: [p for p in descendants_running(pid, "run_periodic") if p != periodic])
    assert requests.get(f"{base}/", timeout=30).status_code == 200
