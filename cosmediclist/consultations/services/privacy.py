"""The patient's rights over their requests: withdraw one, erase them all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from cosmediclist.consultations import signals
from cosmediclist.consultations.models import ClinicalReview, ConsultationRequest, Reminder, Status
from cosmediclist.consultations.services.requests import email_clinic_staff
from cosmediclist.core import audit
from cosmediclist.notifications.services import forget_emails

if TYPE_CHECKING:
    from cosmediclist.accounts.models import User

ERASED_NAME = "Erased at the patient's request"


def withdraw_request(*, actor: User | None, request: ConsultationRequest) -> None:
    """The patient withdraws an open request: it closes, reminders stop, the clinic's staff are told.

    Raises ``ValidationError`` when the request is already closed or declined. Audited.
    """
    if request.is_finished:
        raise ValidationError({"request": "This request is already closed."})

    now = timezone.now()
    from_status = request.status
    with transaction.atomic():
        request.status = Status.CLOSED
        request.withdrawn_at = request.finished_at = now
        request.save(update_fields=["status", "withdrawn_at", "finished_at", "updated_at"])
        Reminder.objects.filter(
            plan__request=request, queued_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=now)
        email_clinic_staff(
            request, key=f"consultation:{request.reference}:withdrawn", template="consultation_withdrawn"
        )
        signals.status_changed.send(sender=ConsultationRequest, request=request, from_status=from_status)
        audit.record(
            actor=actor,
            action="consultation.withdrawn",
            obj=request,
            clinic_id=request.clinic_id,
            data={"reference": request.reference},
        )


def erase_requests(requests: QuerySet[ConsultationRequest]) -> int:
    """Erase the patient's part of each request, keeping a husk the clinic sees as erased.

    Deletes the answers, the clinic's notes, the patient's change requests, the clinician's review
    note, the chosen concerns and areas, the plans with their
    sessions and reminders, and every email queued about the request; blanks the name, email,
    phone, contact times, hopes and decline reason; unlinks the account. The reference, clinic,
    treatments, status and dates stay for the clinic's figures. One audit event per request.
    """
    erased = 0
    now = timezone.now()
    for request in requests.select_for_update():
        plan_ids = list(request.plans.values_list("pk", flat=True))
        request.answers.all().delete()
        request.notes.all().delete()
        request.change_requests.all().delete()
        ClinicalReview.objects.filter(request=request).delete()
        request.concern_links.all().delete()
        request.areas.clear()
        request.plans.all().delete()
        forget_emails(
            key_prefixes=[f"consultation:{request.reference}:", *(f"plan:{pk}:" for pk in plan_ids)]
        )
        request.name = ERASED_NAME
        request.email = request.phone = request.contact_times = request.hopes = ""
        if request.decline_reason:
            request.decline_reason = ERASED_NAME
        request.user = None
        request.erased_at = now
        if not request.is_finished:
            request.status, request.finished_at = Status.CLOSED, now
        request.save()
        audit.record(
            actor=None,
            action="consultation.erased",
            obj=request,
            clinic_id=request.clinic_id,
            data={"reference": request.reference, "plans": len(plan_ids)},
        )
        erased += 1
    return erased


def purge_intake(*, request_id: int) -> bool:
    """Delete one request's answers and notes and blank what the reader hoped for, once its
    retention period is over; returns False when it was purged already. Audited (counts only)."""
    with transaction.atomic():
        request = ConsultationRequest.objects.select_for_update().get(pk=request_id)
        if request.intake_purged_at is not None:
            return False
        answers = request.answers.all().delete()[0]
        notes = request.notes.all().delete()[0]
        request.hopes = ""
        request.intake_purged_at = timezone.now()
        request.save(update_fields=["hopes", "intake_purged_at", "updated_at"])
        audit.record(
            actor=None,
            action="consultation.intake_purged",
            obj=request,
            clinic_id=request.clinic_id,
            data={"reference": request.reference, "answers": answers, "notes": notes},
        )
    return True
