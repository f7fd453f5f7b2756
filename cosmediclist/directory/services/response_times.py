"""Response times: each clinic's median time to answer a request, as the consultations compute it."""

from __future__ import annotations

from collections.abc import Mapping

from cosmediclist.core import pagecache
from cosmediclist.directory.models import (
    Clinic,
)


def record_response_times(figures: Mapping[int, float | None]) -> int:
    """Store each clinic's median response time (hours, or None) where it changed; returns how many.

    Two queries whatever the number of clinics. A derived figure, not an action on anyone's
    data: no audit event. Clinic cards show it: a bulk update sends no signal, so the cached
    pages and blocks are told here.
    """
    stored = dict(Clinic.objects.filter(pk__in=figures).values_list("pk", "median_response_hours"))
    updates = [
        Clinic(pk=pk, median_response_hours=hours)
        for pk, hours in figures.items()
        if pk in stored and stored[pk] != hours
    ]
    Clinic.objects.bulk_update(updates, ["median_response_hours"])
    if updates:
        pagecache.content_changed()
    return len(updates)
