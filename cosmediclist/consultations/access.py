"""The only ways to a consultation request: staff reach their own clinics' requests, the patient
reaches their own through the signed status link (and what the patient opens is audited here)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from cosmediclist.consultations import tokens
from cosmediclist.consultations.models import (
    ConsultationRequest,
    ConsultationRequestQuerySet,
    PlannedSession,
    TreatmentPlan,
)
from cosmediclist.consultations.references import normalise
from cosmediclist.core import audit
from cosmediclist.directory.models import Practitioner


def requests_for_staff(user: Any) -> ConsultationRequestQuerySet:
    """Requests to the clinics the user works for; none for anyone else."""
    if not user.is_authenticated:
        return ConsultationRequest.objects.none()
    return ConsultationRequest.objects.filter(clinic__memberships__user=user)


def sessions_for_staff(user: Any) -> QuerySet[PlannedSession]:
    """Planned sessions of the requests to the clinics the user works for; none for anyone else."""
    if not user.is_authenticated:
        return PlannedSession.objects.none()
    return PlannedSession.objects.filter(plan__request__clinic__memberships__user=user)


def get_request_for_staff(user: Any, reference: str) -> ConsultationRequest:
    """The request, with what its page shows; Http404 whether it is missing or another clinic's."""
    found = requests_for_staff(user).for_detail().filter(reference=normalise(reference)).first()
    if found is None:
        raise Http404("No such request")
    return found


def get_request_for_patient(reference: str, token: str) -> ConsultationRequest:
    """The patient's own request: a valid signed status link is the only key (no account needed).

    Http404 whether the token is wrong, the request is missing or its personal data is erased.
    """
    reference = normalise(reference)
    if not tokens.is_valid_status_token(reference, token):
        raise Http404("No such request")
    found = (
        ConsultationRequest.objects.for_detail()
        .prefetch_related("plans__reminders")
        .filter(reference=reference, erased_at__isnull=True)
        .first()
    )
    if found is None:
        raise Http404("No such request")
    return found


def record_patient_read(actor: Any, found: ConsultationRequest, *, summary: bool = False) -> None:
    """Audit that the patient opened their request (its status) or downloaded its answers summary."""
    audit.record(
        actor=actor,
        action="consultation.summary_downloaded" if summary else "consultation.viewed_by_patient",
        obj=found,
        clinic_id=found.clinic_id,
        data={"reference": found.reference},
    )


def get_session_for_staff(user: Any, reference: str, session_id: int) -> PlannedSession:
    request = get_request_for_staff(user, reference)
    session = (
        PlannedSession.objects.select_related("plan__treatment", "plan__request__clinic")
        .filter(pk=session_id, plan__request=request)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def get_plan_for_staff(user: Any, reference: str, plan_id: int) -> TreatmentPlan:
    request = get_request_for_staff(user, reference)
    plan = (
        TreatmentPlan.objects.select_related("treatment", "request__clinic")
        .filter(pk=plan_id, request=request)
        .first()
    )
    if plan is None:
        raise Http404("No such plan")
    return plan


def clinician_at(user: Any, clinic_id: int) -> Practitioner | None:
    """The practitioner ``user`` is at the clinic, if they are a clinician there; None otherwise.

    A clinician is a member of the clinic's staff linked to one of its practitioners who has an
    entry on a professional register (a register and a registration number).
    """
    if not user.is_authenticated:
        return None
    return (
        Practitioner.objects.filter(clinic_id=clinic_id, user=user, clinic__memberships__user=user)
        .exclude(register="")
        .exclude(registration_number="")
        .first()
    )
