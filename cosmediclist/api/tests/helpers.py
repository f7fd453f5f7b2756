"""Data the API tests share: stored reviews without the consultation journey."""

from __future__ import annotations

import itertools
from datetime import date

from django.utils import timezone

from cosmediclist.catalog.models import Treatment
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
