"""Status moves (row-locked, stale-safe, gated by the clinical review), the clinician's decision on a
flagged request, booking a consultation's date and place, and the patient's request to change it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cosmediclist.consultations import calendar, signals
from cosmediclist.consultations.access import clinician_at
from cosmediclist.consultations.models import (
    FINISHED,
    GATED_FLAGS,
    TRANSITIONS,
    ChangeKind,
    ChangeRequest,
    ClinicalReview,
    ConsultationRequest,
    ReviewDecision,
    Status,
)
from cosmediclist.consultations.services.requests import email_clinic_staff, patient_context, patient_headers
from cosmediclist.consultations.services.responsiveness import refresh_response_times
from cosmediclist.core import audit
from cosmediclist.notifications.services import queue_email

if TYPE_CHECKING:
    from cosmediclist.accounts.models import User
    from cosmediclist.directory.models import Practitioner

# How long the calendar file blocks out for a consultation: the clinic sets no length for it.
APPOINTMENT_MINUTES = 30
REASON_MAX = 300
MESSAGE_MAX = 1000
GATE_MESSAGE = (
    "This request is flagged and needs a clinician's review first: a clinician of the clinic "
    "records the decision on this page before it can be booked or given a plan."
)
# What the caller's copy of the request takes back from the locked row after a move.
MOVED_FIELDS = (
    "status",
    "decline_reason",
    "first_response_at",
    "finished_at",
    "appointment_at",
    "appointment_place",
    "appointment_sequence",
    "updated_at",
)


def _locked(request: ConsultationRequest, expected_status: str | None) -> ConsultationRequest:
    """The request's row, locked until the transaction ends; refuses when its status changed meanwhile."""
    fresh = ConsultationRequest.objects.select_for_update().get(pk=request.pk)
    expected = expected_status or request.status
    if fresh.status != expected:
        raise ValidationError(
            {
                "status": f"This request changed meanwhile: it is now {fresh.get_status_display().lower()}. "
                "Check the page and choose again."
            }
        )
    return fresh


def _check_move(request: ConsultationRequest, to_status: str, reason: str) -> None:
    if to_status not in TRANSITIONS.get(request.status, ()):
        raise ValidationError(
            {"status": f"A {request.get_status_display().lower()} request cannot move there."}
        )
    if to_status == Status.DECLINED and not reason:
        raise ValidationError({"reason": "Give the patient a reason for declining."})
    if to_status == Status.BOOKED and request.is_gated:
        raise ValidationError({"status": GATE_MESSAGE})


def _set_appointment(request: ConsultationRequest, starts_at: datetime | None, place: str | None) -> None:
    """Validate and set when and where; the clinic's address when no place is given."""
    place = request.clinic.full_address if place is None else place.strip()
    errors: dict[str, str] = {}
    if starts_at is None or timezone.is_naive(starts_at):
        errors["appointment_at"] = "Give the date and time of the consultation."
    elif starts_at <= timezone.now():
        errors["appointment_at"] = "Choose a date and time in the future."
    if not place:
        errors["appointment_place"] = "Say where the consultation takes place."
    if errors:
        raise ValidationError(errors)
    request.appointment_at = starts_at
    request.appointment_place = place[:300]
    request.appointment_sequence += 1


def move_request(
    *,
    actor: User | None,
    request: ConsultationRequest,
    to_status: str,
    reason: str = "",
    expected_status: str | None = None,
    appointment_at: datetime | None = None,
    appointment_place: str | None = None,
) -> None:
    """Move a request along new → contacted → booked → treated → closed, or to declined with a reason.

    1. Locks the row (``select_for_update``) for the whole transaction, so two staff members
       cannot race; refuses with ValidationError("status") when the status is no longer
       ``expected_status`` (default: the status of the caller's copy).
    2. Refuses "booked" while the request is gated (flagged and not cleared by a clinician).
    3. Booking records the consultation's date, time and place (the clinic's address unless
       given) and emails the patient with a calendar file; declining emails the reason.
    4. Records the first response time, refreshes the clinic's response time, audits.
    Raises ValidationError on "status", "reason", "appointment_at" or "appointment_place".
    """
    reason = reason.strip()
    with transaction.atomic():
        fresh = _locked(request, expected_status)
        _check_move(fresh, to_status, reason)
        if to_status == Status.BOOKED:
            _set_appointment(fresh, appointment_at, appointment_place)
        _apply_move(actor=actor, request=fresh, to_status=to_status, reason=reason)
    for field in MOVED_FIELDS:
        setattr(request, field, getattr(fresh, field))


def _apply_move(*, actor: User | None, request: ConsultationRequest, to_status: str, reason: str) -> None:
    """Save a checked move on a locked row, email the patient when it concerns them, audit."""
    now = timezone.now()
    from_status = request.status
    request.status = to_status
    if to_status == Status.DECLINED:
        request.decline_reason = reason
    first_response = request.first_response_at is None
    if first_response:
        request.first_response_at = now
    if to_status in FINISHED:
        request.finished_at = now
    request.save(update_fields=list(MOVED_FIELDS))
    if first_response:
        refresh_response_times(clinic_ids=[request.clinic_id])
    if to_status == Status.BOOKED:
        _email_booking(request)
    elif to_status == Status.DECLINED:
        queue_email(
            key=f"consultation:{request.reference}:moved:declined",
            template="consultation_declined",
            to=request.email,
            context=patient_context(request, reason=request.decline_reason),
            headers=patient_headers(request),
        )
    signals.status_changed.send(sender=ConsultationRequest, request=request, from_status=from_status)
    audit.record(
        actor=actor,
        action="consultation.moved",
        obj=request,
        clinic_id=request.clinic_id,
        data={"reference": request.reference, "from": from_status, "to": to_status},
    )


def appointment_label(request: ConsultationRequest) -> str:
    """The consultation's date and time as the patient reads it, in the site's time zone."""
    if request.appointment_at is None:
        return ""
    return f"{timezone.localtime(request.appointment_at):%A %-d %B %Y, %H:%M}"


def _email_booking(request: ConsultationRequest) -> None:
    assert request.appointment_at is not None  # noqa: S101 - set by _set_appointment just before
    clinic = request.clinic
    queue_email(
        key=f"consultation:{request.reference}:booked:v{request.appointment_sequence}",
        template="consultation_booked",
        to=request.email,
        context=patient_context(
            request,
            appointment=appointment_label(request),
            place=request.appointment_place,
            clinic_phone=clinic.phone,
            _attachments=[
                calendar.appointment_attachment(
                    reference=request.reference,
                    starts_at=request.appointment_at,
                    minutes=APPOINTMENT_MINUTES,
                    sequence=request.appointment_sequence,
                    clinic=clinic,
                    place=request.appointment_place,
                )
            ],
        ),
        headers=patient_headers(request),
    )


def _check_review(request: ConsultationRequest, actor: User) -> Practitioner:
    if request.flag not in GATED_FLAGS:
        raise ValidationError({"decision": "This request has no flag that needs a clinician's review."})
    if ClinicalReview.objects.filter(request=request).exists():
        raise ValidationError({"decision": "A clinician has already recorded a decision on this request."})
    if request.is_finished:
        raise ValidationError({"decision": f"This request is {request.get_status_display().lower()}."})
    practitioner = clinician_at(actor, request.clinic_id)
    if practitioner is None:
        raise ValidationError(
            {
                "decision": "Only a clinician of this clinic can record this decision: a member of staff "
                "linked to one of its practitioners with a professional register entry."
            }
        )
    return practitioner


def record_review(*, actor: User, request: ConsultationRequest, decision: str, note: str) -> ClinicalReview:
    """A clinician's decision on a flagged request: cleared (with a note) or declined (with a reason).

    Only a clinician of the request's clinic may decide, once, on a request flagged "do not treat"
    or "needs clinician review". Clearing opens booking and plans; declining declines the request
    and emails the reason to the patient. Audited with the decision, never the note. Raises
    ValidationError on "decision" or "note".
    """
    note = note.strip()
    if decision not in ReviewDecision.values:
        raise ValidationError({"decision": "Choose whether to clear or decline."})
    if not note:
        cleared = decision == ReviewDecision.CLEARED
        raise ValidationError(
            {
                "note": "Write a note for the record."
                if cleared
                else "Give the patient a reason for declining."
            }
        )
    if decision == ReviewDecision.DECLINED and len(note) > REASON_MAX:
        raise ValidationError({"note": f"Keep the reason to {REASON_MAX} characters."})
    with transaction.atomic():
        fresh = _locked(request, None)
        practitioner = _check_review(fresh, actor)
        review = ClinicalReview.objects.create(
            request=fresh, reviewer=actor, practitioner=practitioner, decision=decision, note=note
        )
        audit.record(
            actor=actor,
            action="consultation.reviewed",
            obj=fresh,
            clinic_id=fresh.clinic_id,
            data={"reference": fresh.reference, "decision": decision},
        )
        if decision == ReviewDecision.DECLINED:
            _apply_move(actor=actor, request=fresh, to_status=Status.DECLINED, reason=note)
    for field in MOVED_FIELDS:
        setattr(request, field, getattr(fresh, field))
    request.clinical_review = review
    return review


def ask_to_change(
    *, request: ConsultationRequest, kind: str, message: str, user: Any = None
) -> ChangeRequest:
    """The patient asks to cancel or rearrange a booked consultation; each staff member is emailed.

    The message may hold health information: it is stored encrypted and read in the inbox, never
    sent by email. Audited. Raises ValidationError on "kind" or "message".
    """
    message = message.strip()
    if kind not in ChangeKind.values:
        raise ValidationError({"kind": "Choose cancel or rearrange."})
    if not message:
        raise ValidationError({"message": "Write a short message for the clinic."})
    if len(message) > MESSAGE_MAX:
        raise ValidationError({"message": f"Keep the message to {MESSAGE_MAX} characters."})
    with transaction.atomic():
        fresh = ConsultationRequest.objects.select_for_update().get(pk=request.pk)
        if fresh.status != Status.BOOKED:
            raise ValidationError(
                {"kind": "Your consultation is not booked at the moment: the clinic will contact you."}
            )
        change = ChangeRequest.objects.create(request=fresh, kind=kind, message=message)
        _email_clinic_about(fresh, change)
        audit.record(
            actor=user if user is not None and user.is_authenticated else None,
            action="consultation.change_requested",
            obj=fresh,
            clinic_id=fresh.clinic_id,
            data={"reference": fresh.reference, "kind": kind},
        )
    return change


def _email_clinic_about(request: ConsultationRequest, change: ChangeRequest) -> None:
    email_clinic_staff(
        request,
        key=f"consultation:{request.reference}:change:{change.pk}",
        template="consultation_change_requested",
        kind=change.get_kind_display().lower(),
    )
