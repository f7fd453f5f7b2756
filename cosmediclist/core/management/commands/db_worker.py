"""The task worker: django-tasks' db_worker, except that "database is locked" never ends it.

A task whose run hits "database is locked" is put back in the queue to run again a few seconds
later (tasks are idempotent), instead of being marked failed; a lock met while claiming or
recording a task is waited out. This command replaces django_tasks_db's (core comes first).
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

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


class Worker(upstream.Worker):
    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
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
