"""A task that meets "database is locked" runs again later; the worker is never ended by it."""

from __future__ import annotations

import time_machine
from django.db import transaction
from django.db.utils import OperationalError
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cosmediclist.core.management.commands.db_worker import Worker

ATTEMPTS: list[int] = []


@task()
def locked_once() -> str:
    ATTEMPTS.append(1)
    if len(ATTEMPTS) == 1:
        raise OperationalError("database is locked")
    return "done"


def run_ready(worker: Worker) -> bool:
    with transaction.atomic():
        job = DBTaskResult.objects.ready().get_locked()
        if job is None:
            return False
        job.claim("test-worker")
    worker.run_task(job)
    return True


def test_a_task_that_meets_a_locked_database_is_run_again_not_failed(db: None) -> None:
    ATTEMPTS.clear()
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with time_machine.travel("2026-03-02 10:00:00", tick=False) as clock:
        result = locked_once.enqueue()
        assert run_ready(worker)
        row = DBTaskResult.objects.get(pk=result.id)
        assert row.status == TaskResultStatus.READY
        assert not run_ready(worker)  # it waits a few seconds before the next attempt
        clock.shift(10)
        assert run_ready(worker)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(ATTEMPTS) == 2
