"""Periodic: purge questionnaire answers and health notes once their retention period is over."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cosmediclist.consultations.models import FINISHED, ConsultationRequest, PlanStatus
from cosmediclist.core import audit


def expired() -> list[int]:
    cutoff = timezone.now() - timedelta(days=settings.INTAKE_RETENTION_DAYS)
    return list(
        ConsultationRequest.objects.filter(
            status__in=FINISHED, finished_at__lt=cutoff, intake_purged_at__isnull=True
        )
        .exclude(plans__status=PlanStatus.ACTIVE)
        .values_list("pk", flat=True)
    )


def purge_expired_intake() -> int:
    """Purge each request that closed more than INTAKE_RETENTION_DAYS ago and has no active plan.

    Deletes its answers and notes and blanks what the reader hoped for, marks it purged and
    records one audit event per request, each in its own transaction. Safe to run twice.
    """
    purged = 0
    for pk in expired():
        with transaction.atomic():
            request = ConsultationRequest.objects.select_for_update().get(pk=pk)
            if request.intake_purged_at is not None:
                continue
            answers = request.answers.all().delete()[0]
            notes = request.notes.all().delete()[0]
            request.hopes = ""
            request.intake_purged_at = timezone.now()
            request.save(update_fields=["hopes", "intake_purged_at", "updated_at"])
            audit.record(
                actor=None,
                action="consultation.intake_purged",
                obj=request,
                clinic_id=request.clinic_id,
                data={"reference": request.reference, "answers": answers, "notes": notes},
            )
            purged += 1
    return purged
