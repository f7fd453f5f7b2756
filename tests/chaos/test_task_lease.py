"""(c) A task left running by a killed worker is picked up again after its lease, and a task never
runs twice at once: not while it runs three times as long as the lease (its worker renews it), and
not after its worker is killed (the next run starts only once the lease has run out).

TASK_LEASE_SECONDS is 3 here (5 minutes by default). The task notes each start and end, with the
process, in a file (tests/chaos/tasks.py).
"""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from tests.chaos.processes import sigkill, start_worker
from tests.chaos.tasks import hold
from tests.security.figures import record
from tests.servers import server_environment

pytestmark = pytest.mark.chaos

LEASE = 3.0
TABLE = DBTaskResult._meta.db_table


def notes(log: Path) -> list[tuple[str, str, int, float]]:
    if not log.exists():
        return []
    return [
        (what, name, int(pid), float(at))
        for what, name, pid, at in (line.split() for line in log.read_text().splitlines())
    ]


def wait_for(condition: object, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_killed_workers_task_runs_again_after_its_lease_and_never_twice_at_once(
    transactional_db: None, tmp_path: Path
) -> None:
    log = tmp_path / "runs.log"
    hold.enqueue("long", LEASE * 3, str(log))  # outlives its lease three times over
    hold.enqueue("cut", LEASE * 2, str(log))  # its worker is killed while it runs
    env = {**server_environment(tmp_path), "TASK_LEASE_SECONDS": str(int(LEASE))}
    workers = {}
    for _ in range(2):
        worker = start_worker(env)
        workers[worker.pid] = worker
    try:
        wait_for(lambda: any(n[:2] == ("start", "cut") for n in notes(log)))
        killed_pid = next(pid for what, name, pid, _ in notes(log) if (what, name) == ("start", "cut"))
        sigkill(workers.pop(killed_pid))
        killed_at = time.time()
        third = start_worker(env)  # a fresh worker polls too: it must not take "long" from its owner
        workers[third.pid] = third
        wait_for(lambda: sum(n[:2] in {("end", "long"), ("end", "cut")} for n in notes(log)) == 2)
    finally:
        for worker in workers.values():
            sigkill(worker)

    runs: dict[str, list[tuple[str, int, float]]] = defaultdict(list)
    for what, name, pid, at in notes(log):
        runs[name].append((what, pid, at))
    with sqlite3.connect(env["SQLITE_PATH"]) as copy:
        statuses = sorted(row[0] for row in copy.execute(f"SELECT status FROM {TABLE}"))  # noqa: S608 # safe-sql: the model's own table name
    [(_, long_pid, long_start), (_, long_end_pid, long_end)] = runs["long"]
    assert runs["long"][0][0] == "start" and runs["long"][1][0] == "end"
    assert long_pid == long_end_pid and long_end - long_start >= LEASE * 3  # once, by one worker
    [(first, first_pid, first_at), (second, second_pid, second_at), (last, last_pid, _)] = runs["cut"]
    assert (first, second, last) == ("start", "start", "end")
    assert first_pid == killed_pid and second_pid == last_pid != killed_pid
    assert second_at >= killed_at  # the second run began after the first was killed
    assert second_at - first_at >= LEASE  # and only once the lease had run out
    assert statuses == ["SUCCESSFUL", "SUCCESSFUL"]
    record("Chaos", lease_seconds=LEASE, task_reruns_after_lease=1, task_ran_twice_at_once=0)
