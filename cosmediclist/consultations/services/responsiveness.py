"""Keep each clinic's stored response time in step with its inbox (the published formula)."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from django.db.models import Q
from django.utils import timezone

from cosmediclist.consultations.responsiveness import WINDOW, medians
from cosmediclist.directory import services as directory_services
from cosmediclist.directory.models import Clinic

CHUNK = 500


def refresh_response_times(*, clinic_ids: Collection[int] | None = None) -> int:
    """Recompute each clinic's response time and store it through the directory's service;
    returns how many clinics changed.

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
    return sum(
        directory_services.record_response_times(medians(chunk)) for chunk in _chunks(sorted(clinic_ids))
    )


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
