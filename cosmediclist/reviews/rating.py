"""The published rating formulas: a clinic's summary and the Bayesian average that search sorts by."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, FloatField, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from cosmediclist.directory.models import Clinic
from cosmediclist.reviews.models import ClinicRating, Review, VerdictTally

# The Bayesian average counts PRIOR_REVIEWS imaginary reviews of PRIOR_RATING stars (the middle
# of the scale) alongside the real ones, so that a clinic with one 5-star review does not
# outrank one with fifty at 4.8. These two numbers are published on the review policy page.
PRIOR_REVIEWS = 5
PRIOR_RATING = 3
TWO_PLACES = Decimal("0.01")


def bayesian_average(*, count: int, total: int) -> Decimal | None:
    """(total of the stars + PRIOR_REVIEWS × PRIOR_RATING) / (count + PRIOR_REVIEWS); None with no review."""
    if count == 0:
        return None
    value = Decimal(total + PRIOR_REVIEWS * PRIOR_RATING) / Decimal(count + PRIOR_REVIEWS)
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def bayesian_score() -> CombinedExpression:
    """The same formula as a database expression over ``Clinic.rating_average`` and ``rating_count``,
    for sorting search results in SQL (None, sorted last, for a clinic without reviews)."""
    average = Cast("rating_average", FloatField())
    count = Cast("rating_count", FloatField())
    prior = Value(float(PRIOR_REVIEWS * PRIOR_RATING))
    return (average * count + prior) / (count + Value(float(PRIOR_REVIEWS)))


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
