"""The task worker: django-tasks' db_worker, except that "database is locked" never ends it.

A task whose run hits "database is locked" is put back in the queue to run again a few seconds
later (tasks are idempotent), instead of being marked failed; a lock met while claiming or
recording a task is waited out. This command replaces django_tasks_db's (core comes first).

Leases: a worker holds each task it runs for settings.TASK_LEASE_SECONDS and renews the lease
(the task's ``started_at``) every third of that while the task runs. A task still "running" whose
lease has run out belonged to a worker that was killed: any worker puts it back in the queue, so
it runs again (tasks are idempotent), and never twice at once while its worker lives.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.utils import OperationalError
from django.utils import timezone
from django.utils.autoreload import run_with_reloader
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker as upstream
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

logger = logging.getLogger("cosmediclist.worker")

RETRY_AFTER = timedelta(seconds=5)


def _is_locked(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and is_locked_database_exception(error)


def _requeue(result: DBTaskResult[Any, Any]) -> None:
    """Put the task back as ready to run again, waiting out any lock on the way."""
    while True:
        try:
            DBTaskResult.objects.filter(pk=result.pk).update(
                status=TaskResultStatus.READY, run_after=timezone.now() + RETRY_AFTER
            )
            logger.warning("Task id=%s met a locked database; it will run again", result.pk)
            return
        except OperationalError as error:
            if not _is_locked(error):
                raise
            time.sleep(1)


def reclaim_expired(backend_name: str) -> int:
    """Put back in the queue the tasks whose worker stopped renewing its lease; returns how many."""
    now = timezone.now()
    expired = now - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    count = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, backend_name=backend_name, started_at__lt=expired
    ).update(status=TaskResultStatus.READY, run_after=now)
    if count:
        logger.warning("%s task(s) outlived their lease (worker gone); they will run again", count)
    return count


class Worker(upstream.Worker):
    _holding: tuple[Any, Any] | None = None  # (task id, the lease's last renewal) of the running task

    def _keep_leases(self) -> None:
        """The lease keeper (a thread): renews the running task's lease, reclaims expired ones."""
        period = settings.TASK_LEASE_SECONDS / 3
        while self.running:
            try:
                holding = self._holding
                if holding is not None:
                    now = timezone.now()
                    renewed = DBTaskResult.objects.filter(
                        pk=holding[0], status=TaskResultStatus.RUNNING, started_at=holding[1]
                    ).update(started_at=now)
                    if renewed and self._holding is holding:
                        self._holding = (holding[0], now)
                reclaim_expired(self.backend_name)
            except OperationalError as error:
                logger.warning("The lease keeper met %s; it tries again", type(error).__name__)
            finally:
                connection.close()
            time.sleep(period)

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        self._holding = (db_task_result.pk, db_task_result.started_at)
        try:
            self._run_task(db_task_result)
        finally:
            self._holding = None

    def _run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        recorded_failure = db_task_result.set_failed

        def set_failed_unless_locked(error: BaseException) -> None:
            if _is_locked(error):
                _requeue(db_task_result)
            else:
                recorded_failure(error)

        db_task_result.set_failed = set_failed_unless_locked
        try:
            super().run_task(db_task_result)
        except OperationalError as error:  # recording the outcome met the lock
            if not _is_locked(error):
                raise
            _requeue(db_task_result)

    def run(self) -> None:
        threading.Thread(target=self._keep_leases, name="lease keeper", daemon=True).start()
        while self.running:
            try:
                super().run()
                return
            except OperationalError as error:
                if not _is_locked(error):
                    raise
                logger.warning("The database is locked; the worker waits and carries on")
                time.sleep(1)


class Command(upstream.Command):
    def handle(self, *, verbosity: int, reload: bool, **options: Any) -> None:
        self.configure_logging(verbosity)
        queue_names = options["queue_name"].split(",")
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=options["exclude_queues"].split(",") if options["exclude_queues"] else [],
        )
        if reload and not options["batch"]:
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
