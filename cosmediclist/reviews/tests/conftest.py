"""Shared setup for review tests: mesotherapy, Carl's clinic, Olga's clinic, a treated request."""

from __future__ import annotations

from typing import Any

import pytest

from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.tests.factories import clinic_offering, mesotherapy
from cosmediclist.reviews.models import ReviewInvitation
from cosmediclist.reviews.tests.factories import invitation_for, treated_request


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


@pytest.fixture
def treated(clinic: Any, treatment: Any, clinic_staff: Any) -> ConsultationRequest:
    return treated_request(clinic, treatment, staff=clinic_staff, email="pia.patient@example.org")


@pytest.fixture
def invitation(treated: ConsultationRequest) -> ReviewInvitation:
    return invitation_for(treated)
