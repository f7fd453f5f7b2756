"""(e) PostgreSQL restarted under load: meanwhile the site answers 503 with a clear page (never a
500), and it recovers by itself, without restarting the web server.

The test runs its own throwaway PostgreSQL cluster (the Debian binaries, in a temporary folder, on
a free port): the machine's shared PostgreSQL on 5432 is never touched. The web server keeps its
connections between requests (CONN_MAX_AGE=60), so the health check before reuse is what gets it
back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.chaos.processes import Gunicorn
from tests.security.figures import record
from tests.servers import ROOT, base_environment, free_port

pytestmark = pytest.mark.chaos

RESTARTS = 2
DOWN_SECONDS = 4
PAGES = ["/", "/api/v1/treatments", "/healthz"]


class Postgres:
    def __init__(self) -> None:
        self.bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
        self.folder = Path(tempfile.mkdtemp(prefix="cml-chaos-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: its own user runs it
            shutil.chown(self.folder, "postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=300)  # noqa: S603 - fixed tools

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/chaos"


@pytest.fixture
def postgres() -> Iterator[Postgres]:
    cluster = Postgres()
    cluster.start()
    try:
        cluster.run("createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "chaos")
        yield cluster
    finally:
        try:
            cluster.stop("immediate")
        finally:
            shutil.rmtree(cluster.folder, ignore_errors=True)


def test_the_site_answers_503_while_postgres_restarts_and_recovers_by_itself(
    postgres: Postgres, tmp_path: Path
) -> None:
    env = {
        **base_environment(),
        "DATABASE_URL": postgres.url,
        "CONN_MAX_AGE": "60",
        "PAGE_CACHE": "false",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    server = Gunicorn(env, free_port(), tmp_path / "gunicorn.log")
    answers: list[tuple[float, int, str, str]] = []
    failures: list[str] = []
    stop = threading.Event()

    def reader(offset: int) -> None:
        turn = offset
        while not stop.is_set():
            page = PAGES[turn % len(PAGES)]
            turn += 1
            try:
                answer = requests.get(server.url + page, timeout=30)
            except requests.RequestException as error:
                failures.append(f"{page}: {type(error).__name__}")
                continue
            answers.append(
                (time.monotonic(), answer.status_code, answer.headers.get("Retry-After", ""), answer.text)
            )
            time.sleep(0.05)

    server.start()
    try:
        server.wait_until_up()
        pid = server.process.pid if server.process else 0
        readers = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
        for thread in readers:
            thread.start()
        recoveries = []
        for _ in range(RESTARTS):
            time.sleep(3)  # load on a healthy site
            postgres.stop("fast")
            time.sleep(DOWN_SECONDS)
            postgres.start()
            back = time.monotonic()
            deadline = back + 60
            while time.monotonic() < deadline:
                recent = [status for at, status, _, _ in answers if at > back + 0.5]
                if len(recent) >= 12 and all(status == 200 for status in recent[-12:]):
                    break
                time.sleep(0.2)
            recoveries.append(time.monotonic() - back)
        time.sleep(2)
        stop.set()
        for thread in readers:
            thread.join()
        assert server.process is not None and server.process.pid == pid and server.process.poll() is None
    finally:
        stop.set()
        server.stop()

    statuses = Counter(status for _, status, _, _ in answers)
    unavailable = [(retry, text) for _, status, retry, text in answers if status == 503]
    record(
        "Chaos",
        pg_restarts=RESTARTS,
        answers_200=statuses[200],
        answers_503=statuses[503],
        answers_500=statuses[500],
        pg_recovery_seconds=round(max(recoveries), 1),
    )
    assert failures == []
    assert set(statuses) <= {200, 503}, statuses
    assert statuses[503] > 0 and statuses[200] > 0
    assert all(retry for retry, _ in unavailable)
    assert all("Temporarily unavailable" in text or "unavailable" in text for _, text in unavailable)
    assert max(recoveries) < 60
    assert [status for _, status, _, _ in answers[-12:]] == [200] * 12  # back by itself
