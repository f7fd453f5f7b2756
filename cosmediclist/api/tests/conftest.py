"""Partner API setup: the persona clinics (root conftest) with a colleague of the owner, and keys.

Plain helpers (a bearer header, a complete request body) are in ``api/tests/helpers.py``."""

from __future__ import annotations

from typing import Any

import pytest

from cosmediclist.accounts.models import User
from cosmediclist.api import keys
from cosmediclist.api.keys import NewKey
from cosmediclist.directory.models import ClinicMembership, MembershipRole
from tests.personas import make_user


@pytest.fixture
def colleague(clinic: Any) -> User:
    """Staff of Carl's clinic who is not its owner."""
    user = make_user("cleo.colleague@example.org", "Cleo", "Colleague")
    ClinicMembership.objects.create(user=user, clinic=clinic, role=MembershipRole.STAFF)
    return user


@pytest.fixture
def partner_key(admin: User) -> NewKey:
    """A partner's key made by an administrator: read and submit, no clinic."""
    return keys.create_key(actor=admin, name="Booking partner", scopes=["read", "submit"])


@pytest.fixture
def inbox_key(clinic: Any, clinic_staff: User) -> NewKey:
    return keys.create_key(actor=clinic_staff, name="Our CRM", scopes=["inbox"], clinic=clinic)
