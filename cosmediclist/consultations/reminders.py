"""Periodic: queue the reminders that are due. Each is queued at most once (its key is unique)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts.reader import switched_off
from cosmediclist.consultations import calendar
from cosmediclist.consultations.models import PlanStatus, Reminder, ReminderKind, SessionStatus
from cosmediclist.consultations.services.requests import patient_context, patient_headers
from cosmediclist.notifications.services import queue_email

BATCH = 200


def send_due_reminders() -> int:
    """Queue every due reminder, then mark it queued; returns how many were queued.

    Running it twice (or two runners at once) sends nothing twice: the reminder's key is the
    outbox key, and the outbox stores one message per key. Reminders for an unsubscribed
    patient (or one who switched plan reminders off in "My account"), a cancelled plan or
    session are marked cancelled instead.
    """
    now = timezone.now()
    due = list(
        Reminder.objects.due(now)
        .annotate(switched_off=switched_off("plan_reminders", "plan__request__email"))
        .select_related("plan__request__clinic", "plan__treatment", "session")
        .prefetch_related("plan__treatment__aftercare_steps")[:BATCH]
    )
    queued = 0
    for reminder in due:
        with transaction.atomic():
            if _is_stopped(reminder):
                Reminder.objects.filter(pk=reminder.pk).update(cancelled_at=now)
                continue
            _queue(reminder)
            Reminder.objects.filter(pk=reminder.pk).update(queued_at=now)
            if reminder.kind == ReminderKind.MAINTENANCE:
                reminder.plan.status = PlanStatus.COMPLETED
                reminder.plan.save(update_fields=["status", "updated_at"])
            queued += 1
    return queued


def _is_stopped(reminder: Reminder) -> bool:
    request = reminder.plan.request
    return (
        request.reminders_unsubscribed_at is not None
        or bool(getattr(reminder, "switched_off", False))
        or reminder.plan.status == PlanStatus.CANCELLED
        or (reminder.session is not None and reminder.session.status == SessionStatus.CANCELLED)
    )


def _queue(reminder: Reminder) -> None:
    plan = reminder.plan
    request = plan.request
    clinic = request.clinic
    extra: dict[str, object] = {"treatment_name": plan.treatment.name, "kind": reminder.kind}
    if reminder.session is not None:
        session = reminder.session
        extra["session_number"] = session.number
        extra["session_when"] = f"{timezone.localtime(session.starts_at, plan.zone):%A %-d %B %Y at %H:%M}"
        extra["time_zone"] = plan.time_zone
        if reminder.kind != ReminderKind.AFTERCARE:
            extra["_attachments"] = [calendar.attachment(session, clinic=clinic)]
    if reminder.kind == ReminderKind.AFTERCARE:
        extra["steps"] = [
            {"when": step.timing_label, "what": step.instruction}
            for step in plan.treatment.aftercare_steps.all()
        ]
    template = (
        "reminder_session"
        if reminder.kind in (ReminderKind.WEEK_BEFORE, ReminderKind.DAY_BEFORE)
        else f"reminder_{reminder.kind}"
    )
    queue_email(
        key=reminder.key,
        template=template,
        to=request.email,
        context=patient_context(request, **extra),
        headers=patient_headers(request),
    )
