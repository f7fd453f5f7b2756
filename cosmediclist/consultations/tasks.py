"""The consultations' every-minute jobs (``settings.PERIODIC_JOBS``), each safe to run twice.

Each job finds what is due and hands every item to a service:

- ``send_due_reminders``: the planned reminders whose time has come;
- ``purge_expired_intake``: health answers and notes past ``INTAKE_RETENTION_DAYS``;
- ``purge_old_requests``: whole requests past ``REQUEST_RETENTION_DAYS``, erased;
- ``refresh_drifting_response_times``: the clinics' response times that move with the clock.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts.reader import switched_off
from cosmediclist.accounts.retention import audited
from cosmediclist.consultations.models import FINISHED, ConsultationRequest, PlanStatus, Reminder
from cosmediclist.consultations.responsiveness import drifting_clinic_ids
from cosmediclist.consultations.services.privacy import erase_requests, purge_intake
from cosmediclist.consultations.services.reminders import send_reminder
from cosmediclist.consultations.services.responsiveness import refresh_response_times
from cosmediclist.core.retention import retention_days

BATCH = 200


def send_due_reminders() -> int:
    """Send (or cancel) up to BATCH due reminders; returns how many were queued.

    Running it twice (or two runners at once) sends nothing twice: the reminder's key is the
    outbox key, and the outbox stores one message per key.
    """
    now = timezone.now()
    due = (
        Reminder.objects.due(now)
        .annotate(switched_off=switched_off("plan_reminders", "plan__request__email"))
        .select_related("plan__request__clinic", "plan__treatment", "session")
        .prefetch_related("plan__treatment__aftercare_steps")[:BATCH]
    )
    # ``switched_off`` is the annotation above: the patient turned plan reminders off in "My account".
    return sum(
        send_reminder(reminder, now=now, switched_off=bool(getattr(reminder, "switched_off", False)))
        for reminder in due
    )


def purge_expired_intake() -> int:
    """Purge the health data of each request that finished more than INTAKE_RETENTION_DAYS ago
    and has no active plan, each in its own transaction; returns how many were purged."""
    cutoff = timezone.now() - timedelta(days=retention_days("INTAKE_RETENTION_DAYS"))
    expired = (
        ConsultationRequest.objects.filter(
            status__in=FINISHED, finished_at__lt=cutoff, intake_purged_at__isnull=True
        )
        .exclude(plans__status=PlanStatus.ACTIVE)
        .values_list("pk", flat=True)
    )
    return sum(purge_intake(request_id=pk) for pk in list(expired))


def purge_old_requests() -> int:
    """Requests finished more than REQUEST_RETENTION_DAYS ago are erased like an erasure request."""
    cutoff = timezone.now() - timedelta(days=retention_days("REQUEST_RETENTION_DAYS"))
    with transaction.atomic():
        old = ConsultationRequest.objects.filter(
            status__in=FINISHED, finished_at__lt=cutoff, erased_at__isnull=True
        )
        return audited("requests", erase_requests(old))


def refresh_drifting_response_times() -> int:
    """Refresh the response times that moved with the clock alone; returns how many changed."""
    return refresh_response_times(clinic_ids=drifting_clinic_ids())
