"""Review fixtures: a request at Carl's clinic treated and invited to review (the personas' clinics and
their treatment come from the root conftest)."""

from __future__ import annotations

from typing import Any

import pytest

from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.reviews.models import ReviewInvitation
from cosmediclist.reviews.tests.factories import invitation_for, treated_request


@pytest.fixture
def treated(clinic: Any, treatment: Any, clinic_staff: Any) -> ConsultationRequest:
    return treated_request(clinic, treatment, staff=clinic_staff, email="pia.patient@example.org")


@pytest.fixture
def invitation(treated: ConsultationRequest) -> ReviewInvitation:
    return invitation_for(treated)
