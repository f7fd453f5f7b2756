"""How quickly a clinic answers: the median time to first response over the last 12 months.

The figure is stored on the clinic (``Clinic.median_response_hours``) so that the profile shows it
and the search sorts by it without a query per clinic. ``services.refresh_response_times`` writes
it when a request gets its first response; ``tasks.refresh_drifting_response_times`` refreshes every
minute the clinics whose figure moves with the clock alone; ``manage.py refresh_response_times`` recomputes every clinic.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Collection
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from cosmediclist.consultations.models import ConsultationRequest, Status

WINDOW = timedelta(days=365)
MINIMUM_REQUESTS = 3


def median_hours(rows: Collection[tuple[datetime, datetime | None]], *, now: datetime) -> float | None:
    """The published formula (see the responsiveness page), for one clinic's requests.

    For every request the clinic received in the last 365 days: the time from its arrival to
    the clinic's first move (contacted, booked or declined). A request not answered yet counts
    with the time it has waited so far, so ignoring requests never makes a clinic look faster.
    The median of these times, in hours; nothing below MINIMUM_REQUESTS requests.
    """
    waits = [((answered or now) - created).total_seconds() for created, answered in rows]
    if len(waits) < MINIMUM_REQUESTS:
        return None
    return round(statistics.median(waits) / 3600, 2)


def medians(clinic_ids: Collection[int], *, now: datetime | None = None) -> dict[int, float | None]:
    """Each clinic's figure, in one query whatever the number of clinics."""
    now = now or timezone.now()
    rows: dict[int, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for clinic_id, created, answered in ConsultationRequest.objects.filter(
        clinic_id__in=clinic_ids, created_at__gte=now - WINDOW
    ).values_list("clinic_id", "created_at", "first_response_at"):
        rows[clinic_id].append((created, answered))
    return {pk: median_hours(rows[pk], now=now) for pk in clinic_ids}


def median_first_response(clinic_id: int) -> timedelta | None:
    """One clinic's figure now, as a duration (what the stored figure is refreshed from)."""
    hours = medians([clinic_id])[clinic_id]
    return None if hours is None else timedelta(hours=hours)


def drifting_clinic_ids(*, now: datetime | None = None) -> set[int]:
    """Clinics whose figure moves with the clock alone.

    Those with a request in the window still waiting for a response (its wait grows), and
    those with a request that left the window in the last day (a runner that was stopped for
    less than a day catches up).
    """
    now = now or timezone.now()
    start = now - WINDOW
    return set(
        ConsultationRequest.objects.filter(
            Q(status=Status.NEW, first_response_at__isnull=True, created_at__gte=start)
            | Q(created_at__lt=start, created_at__gte=start - timedelta(days=1))
        ).values_list("clinic_id", flat=True)
    )


def describe_hours(hours: float | None) -> str:
    return describe(None if hours is None else timedelta(hours=hours))


def describe(wait: timedelta | None) -> str:
    if wait is None:
        return "Not enough requests yet"
    hours = wait.total_seconds() / 3600
    if hours < 1:
        return "Usually within an hour"
    if hours < 48:
        return f"Usually within {round(hours)} hour{'s' if round(hours) != 1 else ''}"
    return f"Usually within {round(hours / 24)} days"
