"""The published rating formulas: a clinic's summary and its Bayesian average (priors in directory.rating)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from cosmediclist.directory.models import Clinic
from cosmediclist.directory.rating import PRIOR_RATING, PRIOR_REVIEWS
from cosmediclist.reviews.models import ClinicRating, Review, VerdictTally

TWO_PLACES = Decimal("0.01")


def bayesian_average(*, count: int, total: int) -> Decimal | None:
    """(total of the stars + PRIOR_REVIEWS × PRIOR_RATING) / (count + PRIOR_REVIEWS); None with no review."""
    if count == 0:
        return None
    value = Decimal(total + PRIOR_REVIEWS * PRIOR_RATING) / Decimal(count + PRIOR_REVIEWS)
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def plain_average(*, count: int, total: int) -> Decimal | None:
    if count == 0:
        return None
    return (Decimal(total) / Decimal(count)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def refresh_clinic_rating(clinic_id: int) -> ClinicRating:
    """Recompute one clinic's summary from its published reviews (call inside the caller's transaction).

    Writes the count, average, Bayesian average and 1–5 distribution to ``ClinicRating``, the
    count and plain average to ``Clinic.rating_count``/``rating_average`` (which cards and the
    clinic's structured data show), and the per-treatment "worth it" tallies. Seven queries
    whatever the number of reviews.
    """

    published = Review.objects.approved().filter(clinic_id=clinic_id)
    by_stars = dict(published.values_list("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    count = sum(by_stars.values())
    total = sum(stars * n for stars, n in by_stars.items())
    summary, _ = ClinicRating.objects.update_or_create(
        clinic_id=clinic_id,
        defaults={
            "review_count": count,
            "average": plain_average(count=count, total=total),
            "bayesian_average": bayesian_average(count=count, total=total),
            **{f"stars_{stars}": by_stars.get(stars, 0) for stars in range(1, 6)},
        },
    )
    Clinic.objects.filter(pk=clinic_id).update(rating_count=count, rating_average=summary.average)
    tallies: dict[int, VerdictTally] = {}
    for treatment_id, verdict, n in published.values_list("treatment_id", "verdict").annotate(n=Count("pk")):
        tally = tallies.setdefault(treatment_id, VerdictTally(clinic_id=clinic_id, treatment_id=treatment_id))
        setattr(tally, verdict, n)
    VerdictTally.objects.filter(clinic_id=clinic_id).delete()
    VerdictTally.objects.bulk_create(tallies.values())
    return summary
