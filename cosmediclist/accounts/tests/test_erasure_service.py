"""Erasing a person removes every marker of theirs from the database; the clinic sees the request erased."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.accounts.privacy import erase_person, export_person, person_for
from cosmediclist.accounts.tests.privacy_fixtures import MARKERS, give_patient_data
from cosmediclist.consultations.models import ConsultationRequest, IntakeAnswer, TreatmentPlan
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from cosmediclist.reviews.models import OutcomeCheckIn
from cosmediclist.reviews.services.outcomes import answer_check_in, schedule_check_ins
from tests.dump import raw_database_text

pytestmark = pytest.mark.django_db


def test_the_raw_database_holds_the_markers_before_and_none_after(patient: User, clinic_staff: User) -> None:
    data = give_patient_data(patient, clinic_staff)
    before = raw_database_text()
    assert "Pia Patient" in before and "pia.patient@example.org" in before

    counts = erase_person(person=person_for(patient))

    after = raw_database_text()
    assert [marker for marker in MARKERS if marker in after] == []
    assert counts["consultations.consultationrequest"] == 1
    assert counts["discussion.comment"] == 1
    assert not User.objects.filter(pk=patient.pk).exists()
    assert not IntakeAnswer.objects.exists()
    assert not TreatmentPlan.objects.exists()
    assert not OutgoingEmail.objects.filter(to__iexact="pia.patient@example.org").exists()
    husk = ConsultationRequest.objects.get(pk=data.request.pk)
    assert husk.erased_at is not None and husk.reference == data.request.reference
    assert husk.clinic == data.clinic


def test_the_audit_log_keeps_only_pseudonymous_ids(patient: User, clinic_staff: User) -> None:
    give_patient_data(patient, clinic_staff)
    erase_person(person=person_for(patient))
    event = AuditEvent.objects.get(action="privacy.erased")
    assert event.data["user_id"] == patient.pk
    assert AuditEvent.objects.filter(action="consultation.erased").count() == 1
    assert not AuditEvent.objects.filter(actor_id=patient.pk).exists()


def test_the_export_holds_every_section_with_timestamps(patient: User, clinic_staff: User) -> None:
    give_patient_data(patient, clinic_staff)
    export = export_person(person_for(patient))
    sections = export["sections"]
    [request] = sections["Consultation requests"]["items"]
    assert request["hopes"].startswith("Softer stretch marks") and request["submitted_at"]
    answers = sections["Questionnaire answers"]["items"]
    assert any(answer["detail"].startswith("Warfarin") for answer in answers)
    [plan] = sections["Treatment plans"]["items"]
    assert len(plan["sessions"]) == 2 and plan["reminders"]
    assert sections["Comments"]["items"][0]["text"].startswith("My own words")
    assert sections["Account"]["items"][0]["email"] == "pia.patient@example.org"
    assert sections["Emails sent to you"]["items"]


def test_erasure_leaves_other_people_alone(patient: User, clinic_staff: User, reader: User) -> None:
    give_patient_data(patient, clinic_staff)
    erase_person(person=person_for(patient))
    assert User.objects.filter(pk__in=[reader.pk, clinic_staff.pk]).count() == 2


def test_outcome_check_ins_are_exported_then_erased_and_leave_the_outcome_figures(
    patient: User, clinic_staff: User
) -> None:
    data = give_patient_data(patient, clinic_staff)
    plan = data.request.plans.get()
    now = timezone.now()
    [first, *_] = schedule_check_ins(plan=plan, finished_at=now - timedelta(days=100), now=now)
    answer_check_in(check_in=first, question="visible", answer="partly")
    answer_check_in(check_in=first, question="again", answer="yes")

    exported, *later = export_person(person_for(patient))["sections"]["Outcome check-ins"]["items"]
    assert [item["months_after"] for item in later] == [6, 12]
    assert exported["months_after"] == 3 and exported["results_still_visible"] == "Partly visible"
    assert exported["would_have_it_again"] == "Yes" and exported["answered_at"]
    assert OutcomeCheckIn.objects.answered().filter(treatment=plan.treatment).count() == 1

    counts = erase_person(person=person_for(patient))
    assert counts["reviews.outcomecheckin"] == 3
    assert not OutcomeCheckIn.objects.exists()
    assert OutcomeCheckIn.objects.answered().filter(treatment=plan.treatment).count() == 0
