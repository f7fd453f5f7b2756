"""Partner API setup: mesotherapy at a clinic Carl owns (Cleo is his colleague), Olga's other clinic, keys."""

from __future__ import annotations

from typing import Any

import pytest

from cosmediclist.accounts.models import User
from cosmediclist.api import keys
from cosmediclist.api.keys import NewKey
from cosmediclist.catalog.tests.factories import area, concern, mesotherapy
from cosmediclist.directory.models import ClinicMembership, MembershipRole
from cosmediclist.directory.tests.factories import clinic_offering
from tests.personas import make_user


@pytest.fixture
def treatment(db: None) -> Any:
    return mesotherapy()


@pytest.fixture
def clinic(treatment: Any, clinic_staff: User) -> Any:
    found = clinic_offering(
        treatment, staff=clinic_staff, name="Wellcare Manchester", slug="wellcare-manchester"
    )
    ClinicMembership.objects.filter(clinic=found, user=clinic_staff).update(role=MembershipRole.OWNER)
    return found


@pytest.fixture
def colleague(clinic: Any) -> User:
    """Staff of Carl's clinic who is not its owner."""
    user = make_user("cleo.colleague@example.org", "Cleo", "Colleague")
    ClinicMembership.objects.create(user=user, clinic=clinic, role=MembershipRole.STAFF)
    return user


@pytest.fixture
def other_clinic(treatment: Any, other_clinic_staff: User) -> Any:
    found = clinic_offering(treatment, staff=other_clinic_staff, name="Elsewhere Skin", slug="elsewhere-skin")
    ClinicMembership.objects.filter(clinic=found).update(role=MembershipRole.OWNER)
    return found


@pytest.fixture
def partner_key(admin: User) -> NewKey:
    """A partner's key made by an administrator: read and submit, no clinic."""
    return keys.create_key(actor=admin, name="Booking partner", scopes=["read", "submit"])


@pytest.fixture
def inbox_key(clinic: Any, clinic_staff: User) -> NewKey:
    return keys.create_key(actor=clinic_staff, name="Our CRM", scopes=["inbox"], clinic=clinic)


def bearer(new: NewKey) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {new.secret}"}


def request_payload(clinic: Any, treatment: Any, **overrides: Any) -> dict[str, Any]:
    """A complete, valid request: yes to the blood-thinner question, with a detail."""
    concern()
    area()
    payload: dict[str, Any] = {
        "clinics": [clinic.slug],
        "treatments": [treatment.slug],
        "concerns": ["stretch-marks"],
        "areas": ["face"],
        "hopes": "Softer stretch marks before summer",
        "contact_method": "email",
        "contact_times": "Weekday evenings",
        "name": "Rosa Reader",
        "email": "rosa.reader@example.org",
        "phone": "",
        "is_adult_confirmed": True,
        "answers": [
            {"question": "pregnancy-breastfeeding", "answer": "no", "detail": ""},
            {
                "question": "anticoagulants-bleeding-disorder",
                "answer": "yes",
                "detail": "Warfarin since 2019 for a heart valve",
            },
            {"question": "recent-vaccination-or-antibiotics", "answer": "no", "detail": ""},
        ],
    }
    payload.update(overrides)
    return payload
