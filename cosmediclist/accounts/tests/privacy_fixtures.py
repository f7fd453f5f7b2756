"""A patient with something everywhere: an account, a request with answers and a plan, a comment, emails."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.catalog.tests.factories import area, concern, mesotherapy
from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.directory.models import Practitioner
from cosmediclist.directory.services import link_practitioner
from cosmediclist.directory.tests.factories import wellcare
from cosmediclist.discussion.services import post_comment
from cosmediclist.discussion.tests.factories import make_page

MARKERS = (
    "pia.patient@example.org",
    "Pia Patient",
    "07700 900123",
    "Softer stretch marks on my tummy",
    "Warfarin since 2019",
    "Evenings after six",
    "My own words about mesotherapy",
    "piapatient.example",
)


@dataclass
class PatientData:
    request: ConsultationRequest
    clinic: Any
    comment: Any


def _clinician_of(clinic: Any, staff: User) -> User:
    """The staff member, linked by an administrator to a registered practitioner of the clinic."""
    admin = User.objects.create_superuser("ada.admin@example.org", "correct-horse-battery-42")
    practitioner = Practitioner.objects.create(
        clinic=clinic,
        name="Nina Nurse",
        profession="Nurse prescriber",
        register="nmc",
        registration_number="12A3456E",
    )
    link_practitioner(actor=admin, practitioner=practitioner, user=staff)
    return staff


def give_patient_data(patient: User, staff: User) -> PatientData:
    treatment = mesotherapy()
    clinic = wellcare(staff=staff, treatment=treatment)
    [request] = services.submit_request(
        services.ConsultationInput(
            clinics=[clinic],
            treatments=[treatment],
            concerns=[concern()],
            areas=[area()],
            hopes="Softer stretch marks on my tummy before summer",
            contact_method="phone",
            contact_times="Evenings after six",
            name="Pia Patient",
            email="pia.patient@example.org",
            phone="07700 900123",
            is_adult_confirmed=True,
            answers=[
                services.Answer("pregnancy-breastfeeding", False),
                services.Answer("anticoagulants-bleeding-disorder", True, "Warfarin since 2019 for a valve"),
                services.Answer("recent-vaccination-or-antibiotics", False),
            ],
            idempotency_token="privacy-token-0123456789",
        ),
        user=patient,
    )
    # The warfarin answer flags the request: a clinician of the clinic clears it before booking.
    clinician = _clinician_of(clinic, staff)
    services.record_review(
        actor=clinician, request=request, decision="cleared", note="Spoke to the GP: fine."
    )
    services.move_request(
        actor=staff, request=request, to_status="booked", appointment_at=timezone.now() + timedelta(days=7)
    )
    services.ask_to_change(request=request, kind="rearrange", message="Could we make it a Friday?")
    start = timezone.now() + timedelta(days=14)
    services.record_plan(
        actor=staff,
        request=request,
        treatment=treatment,
        starts=[start, start + timedelta(days=14)],
        duration_minutes=45,
    )
    comment = post_comment(
        page=make_page("Mesotherapy explained"),
        name="Pia Patient",
        email="pia.patient@example.org",
        body="My own words about mesotherapy: it stung a little.",
        ip="203.0.113.9",
        author_token="pia-browser-token",
        website="https://piapatient.example",
        user=patient,
    )
    return PatientData(request=request, clinic=clinic, comment=comment)
