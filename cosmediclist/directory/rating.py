"""The Bayesian average that ranks clinics by rating, over the summary stored on ``Clinic``.

``reviews`` keeps ``Clinic.rating_count`` and ``rating_average`` up to date and publishes this
formula on its review policy page; search sorts by it in SQL.
"""

from __future__ import annotations

from django.db.models import FloatField, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

# The Bayesian average counts PRIOR_REVIEWS imaginary reviews of PRIOR_RATING stars (the middle
# of the scale) alongside the real ones, so that a clinic with one 5-star review does not
# outrank one with fifty at 4.8. These two numbers are published on the review policy page.
PRIOR_REVIEWS = 5
PRIOR_RATING = 3


def bayesian_score() -> CombinedExpression:
    """The formula as a database expression over ``Clinic.rating_average`` and ``rating_count``,
    for sorting search results in SQL (None, sorted last, for a clinic without reviews)."""
    average = Cast("rating_average", FloatField())
    count = Cast("rating_count", FloatField())
    prior = Value(float(PRIOR_REVIEWS * PRIOR_RATING))
    return (average * count + prior) / (count + Value(float(PRIOR_REVIEWS)))
