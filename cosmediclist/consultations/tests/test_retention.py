"""Answers and notes are purged after the retention period once closed with no active plan."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from cosmediclist.consultations import services
from cosmediclist.consultations.models import IntakeAnswer, RequestNote, Status
from cosmediclist.consultations.tasks import purge_expired_intake
from cosmediclist.consultations.tests.factories import clear
from cosmediclist.core.models import AuditEvent


def close(consultation, staff) -> None:
    services.add_note(actor=staff, request=consultation, body="INR 2.4")
    services.move_request(actor=staff, request=consultation, to_status=Status.CONTACTED)
    services.move_request(actor=staff, request=consultation, to_status=Status.CLOSED)


def test_a_closed_request_is_purged_after_the_retention_period(consultation, clinic_staff, settings) -> None:
    settings.INTAKE_RETENTION_DAYS = 30
    close(consultation, clinic_staff)
    with time_machine.travel(timezone.now() + timedelta(days=29), tick=False):
        assert purge_expired_intake() == 0
    with time_machine.travel(timezone.now() + timedelta(days=31), tick=False):
        assert purge_expired_intake() == 1
        assert purge_expired_intake() == 0
    consultation.refresh_from_db()
    assert consultation.intake_purged_at is not None and consultation.hopes == ""
    assert not IntakeAnswer.objects.exists() and not RequestNote.objects.exists()
    [event] = AuditEvent.objects.filter(action="consultation.intake_purged")
    assert event.data == {"reference": consultation.reference, "answers": 3, "notes": 1}


def test_an_open_request_or_an_active_plan_keeps_the_answers(
    consultation, clinic_staff, clinician, treatment, settings
) -> None:
    settings.INTAKE_RETENTION_DAYS = 30
    clear(consultation, clinician)
    services.move_request(
        actor=clinic_staff,
        request=consultation,
        to_status=Status.BOOKED,
        appointment_at=timezone.now() + timedelta(days=7),
    )
    services.record_plan(
        actor=clinic_staff,
        request=consultation,
        treatment=treatment,
        starts=[timezone.now() + timedelta(days=400)],
        duration_minutes=30,
    )
    services.move_request(actor=clinic_staff, request=consultation, to_status=Status.CLOSED)
    with time_machine.travel(timezone.now() + timedelta(days=90), tick=False):
        assert purge_expired_intake() == 0
    assert IntakeAnswer.objects.count() == 3
