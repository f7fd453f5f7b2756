"""What the API tests share: a bearer header, a complete request body, stored reviews without the
consultation journey."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from django.utils import timezone

from cosmediclist.api.keys import NewKey
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import area, concern
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.directory.models import Clinic
from cosmediclist.reviews.models import Review, ReviewStatus

_numbers = itertools.count(1)


def published_review(clinic: Clinic, treatment: Treatment, **fields: object) -> Review:
    """A stored review (published unless told otherwise) of a stored request: only what the API reads.

    The review services are tested in reviews/; here the rows are made directly so that fifty
    reviews take fifty inserts, not fifty consultation journeys.
    """
    n = next(_numbers)
    request = ConsultationRequest.objects.create(
        reference=f"CML-API-{n:05d}",
        clinic=clinic,
        idempotency_token=f"api-review-{n}",
        contact_method="email",
        name=f"Patient {n}",
        email=f"patient{n}@example.org",
    )
    values: dict[str, object] = {
        "request": request,
        "clinic": clinic,
        "treatment": treatment,
        "treated_on": date(2026, 3, 14),
        "rating": 4,
        "verdict": "worth_it",
        "title": f"Review {n}",
        "body": "Clear advice and a calm room.",
        "display_name": f"Pia {n}.",
        "status": ReviewStatus.APPROVED,
        "published_at": timezone.now(),
        **fields,
    }
    return Review.objects.create(**values)


def bearer(new: NewKey) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {new.secret}"}


def request_payload(clinic: Any, treatment: Any, **overrides: Any) -> dict[str, Any]:
    """A complete, valid request: yes to the blood-thinner question, with a detail."""
    concern()
    area()
    payload: dict[str, Any] = {
        "clinics": [clinic.slug],
        "treatments": [treatment.slug],
        "concerns": ["stretch-marks"],
        "areas": ["face"],
        "hopes": "Softer stretch marks before summer",
        "contact_method": "email",
        "contact_times": "Weekday evenings",
        "name": "Rosa Reader",
        "email": "rosa.reader@example.org",
        "phone": "",
        "is_adult_confirmed": True,
        "answers": [
            {"question": "pregnancy-breastfeeding", "answer": "no", "detail": ""},
            {
                "question": "anticoagulants-bleeding-disorder",
                "answer": "yes",
                "detail": "Warfarin since 2019 for a heart valve",
            },
            {"question": "recent-vaccination-or-antibiotics", "answer": "no", "detail": ""},
        ],
    }
    payload.update(overrides)
    return payload
