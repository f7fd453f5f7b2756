"""Treatment plans: record a course of sessions, move or cancel a session or the whole plan, schedule reminders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations import calendar
from cosmediclist.consultations.models import (
    TIME_ZONES,
    ConsultationRequest,
    PlannedSession,
    PlanStatus,
    Reminder,
    ReminderKind,
    SessionStatus,
    TreatmentPlan,
)
from cosmediclist.consultations.services.moves import GATE_MESSAGE
from cosmediclist.consultations.services.requests import (
    maintenance_due,
    patient_context,
    patient_headers,
)
from cosmediclist.core import audit
from cosmediclist.notifications.services import queue_email

if TYPE_CHECKING:
    from cosmediclist.accounts.models import User

MAX_SESSIONS = 12


def _session_reminders(session: PlannedSession, now: datetime) -> list[Reminder]:
    """7 days and 1 day before, aftercare at the end; a moment already past is skipped, not sent late."""
    prefix = f"plan:{session.plan_id}:session:{session.number}:v{session.sequence}"
    end = session.starts_at + timedelta(minutes=session.duration_minutes)
    moments = [
        (ReminderKind.WEEK_BEFORE, session.starts_at - timedelta(days=7)),
        (ReminderKind.DAY_BEFORE, session.starts_at - timedelta(days=1)),
        (ReminderKind.AFTERCARE, end),
    ]
    return [
        Reminder(key=f"{prefix}:{kind}", plan=session.plan, session=session, kind=kind, due_at=due)
        for kind, due in moments
        if due > now
    ]


def _schedule_maintenance(plan: TreatmentPlan) -> None:
    """(Re)place the maintenance reminder after the last scheduled session."""
    plan.reminders.filter(
        kind=ReminderKind.MAINTENANCE, queued_at__isnull=True, cancelled_at__isnull=True
    ).update(cancelled_at=timezone.now())
    last = plan.sessions.filter(status=SessionStatus.SCHEDULED).order_by("-starts_at").first()
    plan.maintenance_due_at = maintenance_due(plan.treatment, last.starts_at) if last else None
    plan.save(update_fields=["maintenance_due_at", "updated_at"])
    if plan.maintenance_due_at:
        version = plan.reminders.filter(kind=ReminderKind.MAINTENANCE).count() + 1
        Reminder.objects.create(
            key=f"plan:{plan.pk}:maintenance:v{version}",
            plan=plan,
            kind=ReminderKind.MAINTENANCE,
            due_at=plan.maintenance_due_at,
        )


def _calendar_attachments(plan: TreatmentPlan, sessions: Sequence[PlannedSession]) -> list[dict[str, str]]:
    clinic = plan.request.clinic
    return [calendar.attachment(s, clinic=clinic) for s in sessions]


def _session_lines(plan: TreatmentPlan, sessions: Sequence[PlannedSession]) -> list[str]:
    zone = plan.zone
    return [
        f"Session {s.number}: {timezone.localtime(s.starts_at, zone):%A %-d %B %Y at %H:%M} ({plan.time_zone})"
        for s in sessions
    ]


def record_plan(
    *,
    actor: User | None,
    request: ConsultationRequest,
    treatment: Treatment,
    starts: Sequence[datetime],
    duration_minutes: int,
    time_zone: str = "Europe/London",
) -> TreatmentPlan:
    """Record a course of sessions for a request and schedule everything the patient receives.

    ``starts`` are aware datetimes (stored in UTC). Emails the patient the plan with one .ics per
    session, creates the 7-day, 1-day and aftercare reminders per session and the maintenance
    reminder, and audits. Refused while the request is gated (flagged and not cleared by a
    clinician). Raises ValidationError on "treatment", "starts" or "time_zone" (or the whole form).
    """
    if request.is_finished:
        raise ValidationError(
            {"treatment": "This request is closed: reopen it by making a new plan request."}
        )
    if request.is_gated:
        raise ValidationError({NON_FIELD_ERRORS: GATE_MESSAGE})
    if not request.treatments.filter(pk=treatment.pk).exists():
        raise ValidationError({"treatment": "Choose one of the treatments the patient asked about."})
    if time_zone not in TIME_ZONES:
        raise ValidationError({"time_zone": "Choose a time zone from the list."})
    if not 1 <= len(starts) <= MAX_SESSIONS:
        raise ValidationError({"starts": f"A plan has between 1 and {MAX_SESSIONS} sessions."})
    if any(timezone.is_naive(s) for s in starts) or list(starts) != sorted(starts):
        raise ValidationError({"starts": "Give each session a date and time, in order."})
    now = timezone.now()
    with transaction.atomic():
        plan = TreatmentPlan.objects.create(
            request=request, treatment=treatment, time_zone=time_zone, created_by=actor
        )
        sessions = PlannedSession.objects.bulk_create(
            PlannedSession(plan=plan, number=n, starts_at=start, duration_minutes=duration_minutes)
            for n, start in enumerate(starts, 1)
        )
        Reminder.objects.bulk_create(r for s in sessions for r in _session_reminders(s, now))
        _schedule_maintenance(plan)
        _send_sessions(actor=actor, plan=plan, sessions=sessions, event="recorded")
    return plan


def _cancel_pending(session: PlannedSession) -> None:
    session.reminders.filter(queued_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now()
    )


def move_session(*, actor: User, session: PlannedSession, starts_at: datetime) -> PlannedSession:
    """Move one session: new reminders replace the pending ones; the patient gets an updated .ics."""
    if session.status != SessionStatus.SCHEDULED:
        raise ValidationError({"starts_at": "A cancelled session cannot be moved."})
    if timezone.is_naive(starts_at):
        raise ValidationError({"starts_at": "Give a date and time."})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": "Choose a date and time that is still to come."})
    plan = session.plan
    with transaction.atomic():
        _cancel_pending(session)
        session.starts_at = starts_at
        session.sequence += 1
        session.save(update_fields=["starts_at", "sequence"])
        Reminder.objects.bulk_create(_session_reminders(session, timezone.now()))
        _schedule_maintenance(plan)
        _notify_change(actor, session, "session_moved")
    return session


def cancel_session(*, actor: User, session: PlannedSession) -> PlannedSession:
    """Cancel one session: its pending reminders stop; the patient gets a cancelling .ics."""
    if session.status != SessionStatus.SCHEDULED:
        raise ValidationError({"session": "This session is already cancelled."})
    plan = session.plan
    with transaction.atomic():
        _cancel_pending(session)
        session.status = SessionStatus.CANCELLED
        session.sequence += 1
        session.save(update_fields=["status", "sequence"])
        _schedule_maintenance(plan)
        if not plan.sessions.filter(status=SessionStatus.SCHEDULED).exists():
            plan.status = PlanStatus.CANCELLED
            plan.save(update_fields=["status", "updated_at"])
        _notify_change(actor, session, "session_cancelled")
    return session


def _send_sessions(
    *, actor: User | None, plan: TreatmentPlan, sessions: list[PlannedSession], event: str
) -> None:
    """Email the patient the plan's sessions with one .ics each (template ``plan_<event>``); audit."""
    request = plan.request
    queue_email(
        key=f"plan:{plan.pk}:{event}",
        template=f"plan_{event}",
        to=request.email,
        context=patient_context(
            request,
            treatment_name=plan.treatment.name,
            sessions=_session_lines(plan, sessions),
            _attachments=_calendar_attachments(plan, sessions),
        ),
        headers=patient_headers(request),
    )
    audit.record(
        actor=actor,
        action=f"plan.{event}",
        obj=plan,
        clinic_id=request.clinic_id,
        data={"reference": request.reference, "sessions": len(sessions)},
    )


def cancel_plan(*, actor: User, plan: TreatmentPlan) -> TreatmentPlan:
    """Cancel a whole plan: every session still to come, every pending reminder (maintenance too).

    Sessions already past stay as they were. The patient gets one email with a cancelling .ics
    (METHOD:CANCEL, SEQUENCE + 1) per cancelled session; audited. Raises ValidationError("plan")
    when the plan is not active.
    """
    if plan.status != PlanStatus.ACTIVE:
        raise ValidationError({"plan": f"This plan is already {plan.get_status_display().lower()}."})
    now = timezone.now()
    with transaction.atomic():
        plan.reminders.filter(queued_at__isnull=True, cancelled_at__isnull=True).update(cancelled_at=now)
        sessions = list(plan.sessions.filter(status=SessionStatus.SCHEDULED, starts_at__gt=now))
        for session in sessions:
            session.status = SessionStatus.CANCELLED
            session.sequence += 1
        PlannedSession.objects.bulk_update(sessions, ["status", "sequence"])
        plan.status = PlanStatus.CANCELLED
        plan.maintenance_due_at = None
        plan.save(update_fields=["status", "maintenance_due_at", "updated_at"])
        _send_sessions(actor=actor, plan=plan, sessions=sessions, event="cancelled")
    return plan


def _notify_change(actor: User, session: PlannedSession, change: str) -> None:
    """The patient gets the changed session (email ``change`` with its .ics); audited as ``plan.<change>``."""
    plan = session.plan
    request = plan.request
    audit.record(
        actor=actor,
        action=f"plan.{change}",
        obj=plan,
        clinic_id=request.clinic_id,
        data={"reference": request.reference, "session": session.number},
    )
    template = change
    queue_email(
        key=f"plan:{plan.pk}:session:{session.number}:v{session.sequence}:{template}",
        template=template,
        to=request.email,
        context=patient_context(
            request,
            treatment_name=plan.treatment.name,
            sessions=_session_lines(plan, [session]),
            _attachments=_calendar_attachments(plan, [session]),
        ),
        headers=patient_headers(request),
    )
