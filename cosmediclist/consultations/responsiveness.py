"""How quickly a clinic answers: the median time to first response over the last 12 months."""

from __future__ import annotations

import statistics
from datetime import timedelta

from django.utils import timezone

from cosmediclist.consultations.models import ConsultationRequest

WINDOW = timedelta(days=365)
MINIMUM_REQUESTS = 3


def median_first_response(clinic_id: int) -> timedelta | None:
    """The published formula (see the responsiveness page).

    For every request the clinic received in the last 365 days: the time from its arrival to
    the clinic's first move (contacted, booked or declined). A request not answered yet counts
    with the time it has waited so far, so ignoring requests never makes a clinic look faster.
    The median of these times; nothing is shown below MINIMUM_REQUESTS requests.
    """
    now = timezone.now()
    rows = ConsultationRequest.objects.filter(clinic_id=clinic_id, created_at__gte=now - WINDOW).values_list(
        "created_at", "first_response_at"
    )
    waits = [((answered or now) - created).total_seconds() for created, answered in rows]
    if len(waits) < MINIMUM_REQUESTS:
        return None
    return timedelta(seconds=statistics.median(waits))


def describe(wait: timedelta | None) -> str:
    if wait is None:
        return "Not enough requests yet"
    hours = wait.total_seconds() / 3600
    if hours < 1:
        return "Usually within an hour"
    if hours < 48:
        return f"Usually within {round(hours)} hour{'s' if round(hours) != 1 else ''}"
    return f"Usually within {round(hours / 24)} days"
