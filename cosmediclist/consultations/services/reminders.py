"""Sending one planned reminder: queue its email, or cancel it when the patient or clinic stopped it."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from cosmediclist.consultations import calendar
from cosmediclist.consultations.models import (
    PlanStatus,
    Reminder,
    ReminderKind,
    SessionStatus,
    time_zone_label,
)
from cosmediclist.consultations.services.requests import patient_context, patient_headers
from cosmediclist.notifications.services import queue_email


def send_reminder(reminder: Reminder, *, now: datetime, switched_off: bool = False) -> bool:
    """Queue the reminder's email and mark it queued; returns False when it is cancelled instead.

    It is cancelled when the patient unsubscribed or (``switched_off``) turned plan reminders
    off in "My account", or when its plan or session was cancelled. A maintenance reminder
    completes its plan. The email's key is the reminder's, so it is sent at most once.
    """
    with transaction.atomic():
        if switched_off or _is_stopped(reminder):
            Reminder.objects.filter(pk=reminder.pk).update(cancelled_at=now)
            return False
        _queue(reminder)
        Reminder.objects.filter(pk=reminder.pk).update(queued_at=now)
        if reminder.kind == ReminderKind.MAINTENANCE:
            reminder.plan.status = PlanStatus.COMPLETED
            reminder.plan.save(update_fields=["status", "updated_at"])
    return True


def _is_stopped(reminder: Reminder) -> bool:
    return (
        reminder.plan.request.reminders_unsubscribed_at is not None
        or reminder.plan.status == PlanStatus.CANCELLED
        or (reminder.session is not None and reminder.session.status == SessionStatus.CANCELLED)
    )


def _queue(reminder: Reminder) -> None:
    plan = reminder.plan
    request = plan.request
    extra: dict[str, object] = {"treatment_name": plan.treatment.name, "kind": reminder.kind}
    if reminder.session is not None:
        session = reminder.session
        extra["session_number"] = session.number
        extra["session_when"] = f"{timezone.localtime(session.starts_at, plan.zone):%A %-d %B %Y at %H:%M}"
        extra["time_zone"] = time_zone_label(plan.time_zone)
        if reminder.kind != ReminderKind.AFTERCARE:
            extra["_attachments"] = [calendar.attachment(session, clinic=request.clinic)]
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
