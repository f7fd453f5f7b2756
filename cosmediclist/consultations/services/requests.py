"""Every write to consultations: submit and move requests, notes, plans and their sessions."""

from __future__ import annotations

import calendar as month_calendar
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cosmediclist.catalog.models import Contraindication, Treatment
from cosmediclist.consultations import signals, tokens
from cosmediclist.consultations.inputs import ConsultationInput
from cosmediclist.consultations.models import (
    ConsultationRequest,
    Flag,
    IntakeAnswer,
    Reminder,
    RequestConcern,
    RequestNote,
    flag_for,
)
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.consultations.references import new_reference
from cosmediclist.core import audit
from cosmediclist.directory.models import Clinic, Offer
from cosmediclist.notifications.services import queue_email

if TYPE_CHECKING:
    from cosmediclist.accounts.models import User


def patient_headers(request: ConsultationRequest) -> dict[str, str]:
    """One-click unsubscribe (RFC 8058) on every message to the patient."""
    return {
        "List-Unsubscribe": f"<{settings.SITE_URL}{tokens.unsubscribe_path(request.reference)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def email_clinic_staff(request: ConsultationRequest, *, key: str, template: str, **extra: Any) -> None:
    """Queue ``template`` to every staff member of the request's clinic, once per member.

    Each email's key is ``key`` plus the member's id; the context has the reference, the clinic's
    name and the inbox link (never the patient's answers), plus ``extra``.
    """
    context = {
        "reference": request.reference,
        "clinic_name": request.clinic.name,
        "inbox_path": reverse("consultations:portal-request", args=[request.reference]),
        **extra,
    }
    for member in request.clinic.memberships.select_related("user"):
        queue_email(key=f"{key}:{member.user_id}", template=template, to=member.user.email, context=context)


def patient_context(request: ConsultationRequest, **extra: Any) -> dict[str, Any]:
    return {
        "name": request.name,
        "reference": request.reference,
        "clinic_name": request.clinic.name,
        "status_path": tokens.status_path(request.reference),
        "unsubscribe_path": tokens.unsubscribe_path(request.reference),
        **extra,
    }


def _offer_problems(consultation: ConsultationInput) -> dict[str, str]:
    """The rules that need the database: each clinic is verified and offers every chosen treatment."""
    errors: dict[str, str] = {}
    clinics, treatments = consultation.clinics, consultation.treatments
    if unverified := [c.name for c in clinics if not c.is_verified]:
        errors["clinics"] = f"{', '.join(unverified)} is not verified yet and cannot take requests."
    offered = set(
        Offer.objects.filter(clinic__in=clinics, treatment__in=treatments).values_list(
            "clinic_id", "treatment_id"
        )
    )
    if missing := [
        f"{c.name} does not offer {t.name}."
        for c in clinics
        for t in treatments
        if (c.pk, t.pk) not in offered
    ]:
        errors["treatments"] = " ".join(missing)
    return errors


def submit_request(consultation: ConsultationInput, *, user: User | None = None) -> list[ConsultationRequest]:
    """Store one request per clinic with its encrypted answers, its emails and audit events.

    1. Validates: the input's own rules (``ConsultationInput.problems``: 1–3 clinics, a treatment,
       adults-only confirmation, an answer to every screening question of the chosen treatments, …),
       then that every clinic is verified and offers every chosen treatment; raises ValidationError
       keyed by field name.
    2. In ONE transaction: the requests, answers, ranked concerns, outbox emails (the reader's
       confirmation and one per clinic staff member, none with health answers) and an audit event.
    3. Idempotent per (clinic, token): a resubmitted form returns the requests it already made;
       a token already used for another choice of clinics raises ValidationError (nothing stored).
    """
    clinics, token = consultation.clinics, consultation.idempotency_token
    existing = list(
        ConsultationRequest.objects.filter(clinic__in=clinics, idempotency_token=token).select_related(
            "clinic"
        )
    )
    if existing and len(existing) == len(clinics):
        return existing
    if existing:
        raise _already_sent()
    questions = {q.slug: q for q in questions_for(consultation.treatments)}
    problems = consultation.problems(questions.values())
    if not problems.keys() & {"clinics", "treatments"}:
        problems |= _offer_problems(consultation)
    if problems:
        raise ValidationError(problems)
    owner = user if user is not None and user.is_authenticated else None
    try:
        with transaction.atomic():
            return [
                _create_one(clinic=clinic, consultation=consultation, questions=questions, user=owner)
                for clinic in clinics
            ]
    except IntegrityError:
        # A concurrent copy of the same submission may have won the race: answer with what it
        # stored, but only when it stored every request asked for; never report a success without rows.
        stored = list(
            ConsultationRequest.objects.filter(clinic__in=clinics, idempotency_token=token).select_related(
                "clinic"
            )
        )
        if len(stored) == len(clinics):
            return stored
        raise _already_sent() from None


def _already_sent() -> ValidationError:
    return ValidationError(
        {
            "__all__": "This form was already used to send a request to another choice of clinics, so "
            "nothing more was sent. Reload the page to send a new request."
        }
    )


def _create_one(
    *,
    clinic: Clinic,
    consultation: ConsultationInput,
    questions: dict[str, Contraindication],
    user: User | None,
) -> ConsultationRequest:
    reference = new_reference()
    while ConsultationRequest.objects.filter(reference=reference).exists():
        reference = new_reference()
    answers = [a for a in consultation.answers if a.slug in questions]
    flag = max((flag_for(questions[a.slug].handling, is_yes=a.is_yes) for a in answers), default=Flag.NONE)
    request = ConsultationRequest.objects.create(
        clinic=clinic,
        reference=reference,
        flag=flag,
        user=user,
        hopes=consultation.hopes,
        contact_method=consultation.contact_method,
        contact_times=consultation.contact_times,
        name=consultation.name,
        email=consultation.email,
        phone=consultation.phone,
        is_adult_confirmed=consultation.is_adult_confirmed,
        idempotency_token=consultation.idempotency_token,
    )
    request.treatments.set(consultation.treatments)
    request.areas.set(consultation.areas)
    RequestConcern.objects.bulk_create(
        RequestConcern(request=request, concern=concern, rank=rank)
        for rank, concern in enumerate(consultation.concerns, 1)
    )
    IntakeAnswer.objects.bulk_create(
        IntakeAnswer(
            request=request,
            contraindication=questions[a.slug],
            question=questions[a.slug].question,
            handling=questions[a.slug].handling,
            wait_weeks=questions[a.slug].wait_weeks,
            answer="yes" if a.is_yes else "no",
            detail=a.detail,
        )
        for a in answers
    )
    queue_email(
        key=f"consultation:{reference}:received",
        template="consultation_received",
        to=request.email,
        context=patient_context(request),
        headers=patient_headers(request),
    )
    inbox_path = reverse("consultations:portal-request", args=[reference])
    for member in clinic.memberships.select_related("user"):
        queue_email(
            key=f"consultation:{reference}:clinic:{member.user_id}",
            template="consultation_new_clinic",
            to=member.user.email,
            context={"reference": reference, "clinic_name": clinic.name, "inbox_path": inbox_path},
        )
    signals.request_created.send(sender=ConsultationRequest, request=request)
    audit.record(
        actor=user,
        action="consultation.submitted",
        obj=request,
        clinic_id=clinic.pk,
        data={"reference": reference, "flag": int(flag)},
    )
    return request


def add_note(*, actor: User, request: ConsultationRequest, body: str) -> RequestNote:
    """Add an internal (encrypted) note; the audit event records that a note was added, not its text."""
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write the note first."})
    if request.intake_purged_at is not None:
        raise ValidationError({"body": "This request's health data has been purged."})
    with transaction.atomic():
        note = RequestNote.objects.create(request=request, author=actor, body=body)
        audit.record(
            actor=actor,
            action="consultation.note_added",
            obj=request,
            clinic_id=request.clinic_id,
            data={"reference": request.reference, "note_id": note.pk},
        )
    return note


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, month_calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def default_session_starts(treatment: Treatment, first: datetime) -> list[datetime]:
    """The catalogue's course: ``sessions_max`` sessions, ``interval_weeks_min`` apart (4 weeks if unknown)."""
    gap = timedelta(weeks=treatment.interval_weeks_min or 4)
    return [first + gap * n for n in range(treatment.sessions_max)]


def maintenance_due(treatment: Treatment, last_start: datetime) -> datetime | None:
    """When results are due to fade: ``results_months_min`` after the last session, if they fade."""
    return add_months(last_start, treatment.results_months_min) if treatment.results_months_min else None


def unsubscribe_reminders(*, request: ConsultationRequest) -> None:
    """Stop every reminder for this request (one click from any email); safe to repeat."""
    if request.reminders_unsubscribed_at is not None:
        return
    with transaction.atomic():
        request.reminders_unsubscribed_at = timezone.now()
        request.save(update_fields=["reminders_unsubscribed_at", "updated_at"])
        Reminder.objects.filter(
            plan__request=request, queued_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=request.reminders_unsubscribed_at)
        audit.record(
            actor=None,
            action="consultation.reminders_unsubscribed",
            obj=request,
            clinic_id=request.clinic_id,
            data={"reference": request.reference},
        )
