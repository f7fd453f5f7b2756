"""Outcome check-ins (answers, unsubscribe) and the private side-effect report to the clinic."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from cosmediclist.consultations.models import ConsultationRequest, TreatmentPlan
from cosmediclist.consultations.services.requests import add_months, email_clinic_staff
from cosmediclist.core import audit
from cosmediclist.reviews.models import (
    CHECK_IN_MONTHS,
    Again,
    OutcomeCheckIn,
    Severity,
    SideEffectReport,
    Visible,
    YesNo,
)

# A milestone already this far past when the plan is noticed is skipped rather than asked late.
LATEST_START = timedelta(days=14)
QUESTIONS: dict[str, tuple[str, ...]] = {
    "visible": tuple(Visible.values),
    "side_effect": tuple(YesNo.values),
    "again": tuple(Again.values),
}


def schedule_check_ins(*, plan: TreatmentPlan, finished_at: datetime, now: datetime) -> list[OutcomeCheckIn]:
    """Create the 3-, 6- and 12-month check-ins after a plan's last session; safe to call twice."""
    made = []
    with transaction.atomic():
        for months in CHECK_IN_MONTHS:
            due = add_months(finished_at, months)
            if due < now - LATEST_START:
                continue
            check_in, created = OutcomeCheckIn.objects.get_or_create(
                plan=plan,
                months=months,
                defaults={
                    "clinic_id": plan.request.clinic_id,
                    "treatment_id": plan.treatment_id,
                    "due_at": due,
                },
            )
            if created:
                made.append(check_in)
        audit.record(
            actor=None,
            action="check_in.scheduled",
            obj=plan,
            clinic_id=plan.request.clinic_id,
            data={"check_ins": len(made)},
        )
    return made


def answer_check_in(*, check_in: OutcomeCheckIn, question: str, answer: str) -> OutcomeCheckIn:
    """Record one answer (one click); each question is answered once.

    Raises ValidationError naming the question when the answer is not one of its choices, or
    (non-field) when it was already answered or the check-in was stopped. The audit event
    names the question, never the answer.
    """
    if question not in QUESTIONS or answer not in QUESTIONS[question]:
        raise ValidationError(
            {question if question in QUESTIONS else NON_FIELD_ERRORS: "Choose one of the answers."}
        )
    with transaction.atomic():
        locked = (
            OutcomeCheckIn.objects.select_for_update().select_related("plan__request").get(pk=check_in.pk)
        )
        if locked.cancelled_at is not None:
            raise ValidationError({NON_FIELD_ERRORS: "You stopped these questions, so nothing was recorded."})
        if getattr(locked, question):
            raise ValidationError(
                {NON_FIELD_ERRORS: "You have already answered this question: your first answer is kept."}
            )
        setattr(locked, question, answer)
        fields = [question]
        if question == "visible":
            locked.answered_at = timezone.now()
            fields.append("answered_at")
        locked.save(update_fields=fields)
        audit.record(
            actor=None,
            action="check_in.answered",
            obj=locked,
            clinic_id=locked.clinic_id,
            data={"question": question, "months": locked.months},
        )
    return locked


def unsubscribe_check_ins(*, request: ConsultationRequest) -> int:
    """Stop every check-in not sent yet for this request (one click from any check-in email)."""
    with transaction.atomic():
        stopped = OutcomeCheckIn.objects.filter(
            plan__request=request, sent_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=timezone.now())
        audit.record(
            actor=None,
            action="check_in.unsubscribed",
            obj=request,
            clinic_id=request.clinic_id,
            data={"reference": request.reference, "stopped": stopped},
        )
    return stopped


def report_side_effect(
    *, request: ConsultationRequest, what: str, started_on: date, severity: str, actor: Any = None
) -> SideEffectReport:
    """Store a private side-effect report (encrypted), email the clinic's staff, audit.

    The emails carry the reference and a link to the inbox, never what the patient wrote.
    Raises ValidationError on "what", "started_on" or "severity".
    """
    errors: dict[str, str] = {}
    what = what.strip()
    if not what:
        errors["what"] = "Tell the clinic what you have noticed."
    elif len(what) > 3000:
        errors["what"] = "Keep it under 3,000 characters; the clinic will ask for more."
    if severity not in Severity.values:
        errors["severity"] = "Choose how bad it is."
    earliest = timezone.localdate(request.created_at)
    if not earliest <= started_on <= timezone.localdate():
        errors["started_on"] = f"Give a date between {earliest:%-d %B %Y} and today."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = SideEffectReport.objects.create(
            request=request, clinic_id=request.clinic_id, what=what, started_on=started_on, severity=severity
        )
        email_clinic_staff(request, key=f"side-effect:{report.pk}", template="side_effect_reported")
        audit.record(
            actor=actor if actor is not None and actor.is_authenticated else None,
            action="side_effect.reported",
            obj=report,
            clinic_id=request.clinic_id,
            data={"reference": request.reference, "severity": severity},
        )
    return report


def acknowledge_side_effect(*, report: SideEffectReport, actor: Any) -> SideEffectReport:
    """Staff mark a report as seen and acted on; it leaves the inbox's flagged list; audited."""
    if report.acknowledged_at is not None:
        return report
    with transaction.atomic():
        report.acknowledged_at = timezone.now()
        report.acknowledged_by = actor
        report.save(update_fields=["acknowledged_at", "acknowledged_by", "updated_at"])
        audit.record(
            actor=actor, action="side_effect.acknowledged", obj=report, clinic_id=report.clinic_id, data={}
        )
    return report
