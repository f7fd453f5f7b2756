"""Shared setup for consultation tests: mesotherapy, a clinic with Carl as staff, Olga at another clinic."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.tests.factories import area, clinic_offering, concern, mesotherapy


@pytest.fixture
def treatment(db: None) -> Any:
    return mesotherapy()


@pytest.fixture
def clinic(treatment: Any, clinic_staff: Any) -> Any:
    return clinic_offering(
        treatment, staff=clinic_staff, name="Wellcare Manchester", slug="wellcare-manchester"
    )


@pytest.fixture
def other_clinic(treatment: Any, other_clinic_staff: Any) -> Any:
    return clinic_offering(treatment, staff=other_clinic_staff, name="Elsewhere Skin", slug="elsewhere-skin")


def submit(
    clinic: Any,
    treatment: Any,
    *,
    token: str = "token-0123456789abcdef",  # noqa: S107 - a form token, not a password
    **extra: Any,
) -> ConsultationRequest:
    fields: dict[str, Any] = {
        "clinics": [clinic],
        "treatments": [treatment],
        "concerns": [concern()],
        "areas": [area()],
        "hopes": "Softer stretch marks on my tummy before summer",
        "contact_method": "email",
        "contact_times": "",
        "name": "Pia Patient",
        "email": "pia.patient@example.org",
        "phone": "",
        "is_adult_confirmed": True,
        "answers": [
            services.Answer("pregnancy-breastfeeding", False),
            services.Answer(
                "anticoagulants-bleeding-disorder", True, "Warfarin since 2019 for a heart valve"
            ),
            services.Answer("recent-vaccination-or-antibiotics", False),
        ],
        "idempotency_token": token,
    }
    fields.update(extra)
    [made] = services.submit_request(**fields)
    return made


@pytest.fixture
def consultation(clinic: Any, treatment: Any) -> ConsultationRequest:
    return submit(clinic, treatment)


@pytest.fixture
def staff_client(clinic_staff: Any) -> Client:
    client = Client()
    client.force_login(clinic_staff)
    return client


@pytest.fixture
def clinician(clinic: Any, admin: Any) -> Any:
    """Dr Nina Nurse: a member of the clinic's staff linked to its practitioner on the NMC register."""
    from conftest import make_user
    from cosmediclist.directory import services as directory_services
    from cosmediclist.directory.models import ClinicMembership, Practitioner

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
    client = Client()
    client.force_login(clinician)
    return client


def clear(request: ConsultationRequest, clinician: Any) -> None:
    services.record_review(
        actor=clinician, request=request, decision="cleared", note="Discussed with the GP: fine to go ahead."
    )


def future_local(days: int = 10, hour: int = 14) -> str:
    """A datetime-local value ``days`` ahead, as the booking form sends it."""
    from datetime import timedelta

    from django.utils import timezone

    day = timezone.localdate() + timedelta(days=days)
    return f"{day:%Y-%m-%d}T{hour:02d}:00"
