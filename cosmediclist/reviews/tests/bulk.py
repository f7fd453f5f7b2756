"""Many rows at once for query-count and corpus tests (setup only: the behaviour under test goes through pages)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.utils import timezone

from cosmediclist.consultations.models import ConsultationRequest, PlannedSession, TreatmentPlan
from cosmediclist.reviews.models import OutcomeCheckIn, Review, ReviewInvitation, ReviewStatus


def requests(clinic: Any, treatment: Any, count: int, *, prefix: str) -> list[ConsultationRequest]:
    made = ConsultationRequest.objects.bulk_create(
        ConsultationRequest(
            reference=f"{prefix}{n:08d}"[:13],
            clinic=clinic,
            idempotency_token=f"{prefix}-{n}",
            contact_method="email",
            name=f"Patient {n}",
            email=f"{prefix}{n}@example.org",
            status="treated",
        )
        for n in range(count)
    )
    ConsultationRequest.treatments.through.objects.bulk_create(
        ConsultationRequest.treatments.through(consultationrequest_id=r.pk, treatment_id=treatment.pk)
        for r in made
    )
    return made


def invitations(clinic: Any, treatment: Any, count: int, *, prefix: str) -> list[ReviewInvitation]:
    now = timezone.now()
    return ReviewInvitation.objects.bulk_create(
        ReviewInvitation(
            request=r,
            clinic=clinic,
            treatment=treatment,
            treated_at=now - timedelta(days=1),
            send_after=now,
            expires_at=now + timedelta(days=150),
            sent_at=now,
        )
        for r in requests(clinic, treatment, count, prefix=prefix)
    )


def approved_reviews(clinic: Any, treatment: Any, texts: Sequence[str], *, prefix: str) -> list[Review]:
    now = timezone.now()
    return Review.objects.bulk_create(
        Review(
            request=r,
            clinic=clinic,
            treatment=treatment,
            treated_on=now.date(),
            rating=1 + n % 5,
            verdict="worth_it",
            title=text[:120],
            body=text[:5000],
            display_name=text[:60],
            status=ReviewStatus.APPROVED,
            published_at=now - timedelta(minutes=n),
            helpful_count=n % 7,
        )
        for n, (r, text) in enumerate(
            zip(requests(clinic, treatment, len(texts), prefix=prefix), texts, strict=True)
        )
    )


def check_ins(clinic: Any, treatment: Any, plans: int, *, prefix: str) -> list[OutcomeCheckIn]:
    """Three answered check-ins (3, 6, 12 months) per plan."""
    now = timezone.now()
    made_plans = TreatmentPlan.objects.bulk_create(
        TreatmentPlan(request=r, treatment=treatment)
        for r in requests(clinic, treatment, plans, prefix=prefix)
    )
    PlannedSession.objects.bulk_create(PlannedSession(plan=p, number=1, starts_at=now) for p in made_plans)
    answers = ["fully", "partly", "gone"]
    return OutcomeCheckIn.objects.bulk_create(
        OutcomeCheckIn(
            plan=p,
            clinic=clinic,
            treatment=treatment,
            months=months,
            due_at=now,
            sent_at=now,
            visible=answers[(n + months) % 3],
            answered_at=now,
        )
        for n, p in enumerate(made_plans)
        for months in (3, 6, 12)
    )
