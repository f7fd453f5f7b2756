"""A task left "running" by a killed worker goes back to the queue once its lease has run out.

tests/chaos/test_task_lease.py kills real workers; this is the fast check of the rule itself.
"""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cosmediclist.core.management.commands.db_worker import reclaim_expired
from cosmediclist.notifications.tasks import deliver_email


def claimed() -> DBTaskResult:  # type: ignore[type-arg]
    result = deliver_email.enqueue(0)
    with transaction.atomic():
        job = DBTaskResult.objects.select_for_update().get(pk=result.id)
        job.claim("killed-worker")
    return job


def test_a_running_task_is_requeued_only_after_its_lease(db: None) -> None:
    job = claimed()
    lease = timedelta(seconds=300)
    with time_machine.travel(timezone.now() + lease - timedelta(seconds=5)):
        assert reclaim_expired("default") == 0  # its worker may still be at it
    with time_machine.travel(timezone.now() + lease + timedelta(seconds=5)):
        assert reclaim_expired("default") == 1
        again = DBTaskResult.objects.ready().get()
    assert again.pk == job.pk and again.status == TaskResultStatus.READY


def test_a_renewed_lease_keeps_the_task_with_its_worker(db: None) -> None:
    job = claimed()
    later = timezone.now() + timedelta(seconds=250)
    DBTaskResult.objects.filter(pk=job.pk).update(started_at=later)  # what the lease keeper does
    with time_machine.travel(later + timedelta(seconds=250)):
        assert reclaim_expired("default") == 0
    assert DBTaskResult.objects.get(pk=job.pk).status == TaskResultStatus.RUNNING
