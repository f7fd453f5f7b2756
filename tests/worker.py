"""Running due background jobs in a test with the worker's own code."""

from __future__ import annotations

from django.db import transaction


def run_tasks(limit: int = 500) -> int:
    """Run every due background job with the worker's own code, then return how many ran.

    The worker's loop is not used because it closes database connections between jobs,
    which would end the test's transaction on PostgreSQL; claiming and running are the same.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

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
    ran = 0
    while ran < limit:
        # Claimed in a transaction as the worker does: select_for_update needs one on PostgreSQL
        # when the test itself runs outside one (transactional browser tests).
        with transaction.atomic():
            job = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if job is None:
                break
            job.claim("test-worker")
        worker.run_task(job)
        ran += 1
    return ran
