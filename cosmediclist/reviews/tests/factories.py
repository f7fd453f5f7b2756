"""Data for review tests, made through the services: treated requests, invitations, reviews, check-ins."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from cosmediclist.catalog.tests.factories import area, concern
from cosmediclist.consultations import services as consultation_services
from cosmediclist.consultations.models import ConsultationRequest, Status
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.reviews import services
from cosmediclist.reviews.models import Review, ReviewInvitation
from cosmediclist.reviews.services import invitations

_counter = iter(range(1, 10**6))


def treated_request(clinic: Any, treatment: Any, *, staff: Any, email: str = "") -> ConsultationRequest:
    """A request from a patient, moved new → booked → treated by the clinic's staff."""
    n = next(_counter)
    [made] = consultation_services.submit_request(
        consultation_services.ConsultationInput(
            clinics=[clinic],
            treatments=[treatment],
            concerns=[concern()],
            areas=[area()],
            hopes="",
            contact_method="email",
            contact_times="",
            name=f"Patient {n}",
            email=email or f"patient{n}@example.org",
            phone="",
            is_adult_confirmed=True,
            answers=[consultation_services.Answer(q.slug, False) for q in questions_for([treatment])],
            idempotency_token=f"review-test-{n}",
        ),
    )
    consultation_services.move_request(
        actor=staff, request=made, to_status=Status.BOOKED, appointment_at=timezone.now() + timedelta(hours=1)
    )
    consultation_services.move_request(actor=staff, request=made, to_status=Status.TREATED)
    return made


def invitation_for(request: ConsultationRequest, *, treated_at: datetime | None = None) -> ReviewInvitation:
    made = invitations.invite(
        request=request,
        treated_at=treated_at or timezone.now() - timedelta(days=2),
        treatment_id=request.treatments.get().pk,
    )
    assert made is not None
    return made


def review_input(treatment: Any, **changes: Any) -> services.ReviewInput:
    fields: dict[str, Any] = {
        "treatment": treatment,
        "treated_on": timezone.localdate(),
        "rating": 4,
        "verdict": "worth_it",
        "title": "Calm and clear",
        "body": "They explained every step and checked on me the next day.",
        "display_name": "Pia P.",
    }
    fields.update(changes)
    return services.ReviewInput(**fields)


def approved_review(clinic: Any, treatment: Any, *, staff: Any, editor: Any, **changes: Any) -> Review:
    request = treated_request(clinic, treatment, staff=staff)
    review = services.submit_review(
        invitation=invitation_for(request), data=review_input(treatment, **changes), user=None
    )
    return services.approve_review(review=review, actor=editor)


def review_post(treatment: Any, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "treatment": treatment.pk,
        "treated_on": timezone.localdate().isoformat(),
        "rating": "4",
        "verdict": "worth_it",
        "title": "Calm and clear",
        "body": "They explained every step and checked on me the next day.",
        "display_name": "Pia P.",
    }
    data.update(changes)
    return data
