"""Consultation fixtures: a submitted request at Carl's clinic, the staff's client, a linked clinician.

The personas' clinics and their treatment come from the root conftest.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.tests.factories import submit
from cosmediclist.directory import services as directory_services
from cosmediclist.directory.models import ClinicMembership, Practitioner
from tests.personas import client_for, make_user


@pytest.fixture
def consultation(clinic: Any, treatment: Any) -> ConsultationRequest:
    return submit(clinic, treatment)


@pytest.fixture
def staff_client(clinic_staff: Any) -> Client:
    return client_for(clinic_staff)


@pytest.fixture
def clinician(clinic: Any, admin: Any) -> Any:
    """Dr Nina Nurse: a member of the clinic's staff linked to its practitioner on the NMC register."""
    user = make_user("nina.nurse@example.org", "Nina", "Nurse")
    ClinicMembership.objects.create(user=user, clinic=clinic)
    practitioner = Practitioner.objects.create(
        clinic=clinic,
        name="Nina Nurse",
        profession="Nurse prescriber",
        register="nmc",
        registration_number="12A3456E",
    )
    directory_services.link_practitioner(actor=admin, practitioner=practitioner, user=user)
    return user


@pytest.fixture
def clinician_client(clinician: Any) -> Client:
    return client_for(clinician)
