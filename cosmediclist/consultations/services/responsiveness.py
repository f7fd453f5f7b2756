"""Keep each clinic's stored response time in step with its inbox (the published formula)."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from django.db.models import Q
from django.utils import timezone

from cosmediclist.consultations.responsiveness import WINDOW, medians
from cosmediclist.directory.models import Clinic

CHUNK = 500


def refresh_response_times(*, clinic_ids: Collection[int] | None = None) -> int:
    """Recompute and store ``Clinic.median_response_hours``; returns how many clinics changed.

    ``clinic_ids`` None means every clinic that has a figure or a request in the window (the
    management command). Three queries per 500 clinics. A derived figure, not an action on
    anyone's data: no audit event.
    """
    if clinic_ids is None:
        since = timezone.now() - WINDOW
        clinic_ids = set(
            Clinic.objects.filter(
                Q(median_response_hours__isnull=False) | Q(consultation_requests__created_at__gte=since)
            ).values_list("pk", flat=True)
        )
    changed = 0
    for chunk in _chunks(sorted(clinic_ids)):
        figures = medians(chunk)
        stored = dict(Clinic.objects.filter(pk__in=chunk).values_list("pk", "median_response_hours"))
        updates = [
            Clinic(pk=pk, median_response_hours=hours)
            for pk, hours in figures.items()
            if pk in stored and stored[pk] != hours
        ]
        if updates:
            Clinic.objects.bulk_update(updates, ["median_response_hours"])
        changed += len(updates)
    return changed


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
