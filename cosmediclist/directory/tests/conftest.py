"""Directory fixtures: the personas' clinics, a treatment to search for, and a media folder per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import (
    LONDON,
    ClinicFactory,
    OfferFactory,
    PractitionerFactory,
    TreatmentFactory,
    hours,
    member,
)


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    return media


@pytest.fixture
def mesotherapy(db: None) -> Treatment:
    return TreatmentFactory.create(
        name="Mesotherapy", slug="mesotherapy", price_gbp_min=80, price_gbp_max=250
    )


@pytest.fixture
def clinic(clinic_staff: User, mesotherapy: Treatment) -> Clinic:
    """Wellcare Medical Centre in Manchester: clinic_staff owns it; it offers mesotherapy."""
    wellcare = ClinicFactory.create(name="Wellcare Medical Centre", slug="wellcare-medical-centre-manchester")
    member(clinic_staff, wellcare)
    doctor = PractitionerFactory.create(clinic=wellcare, name="Dr Amara Ashdown")
    offer = OfferFactory.create(clinic=wellcare, treatment=mesotherapy, price_from_gbp=180, price_to_gbp=220)
    offer.practitioners.add(doctor)
    hours(wellcare, range(6))
    return wellcare


@pytest.fixture
def other_clinic(other_clinic_staff: User, mesotherapy: Treatment) -> Clinic:
    """Thames Skin Rooms in London: other_clinic_staff owns it."""
    thames = ClinicFactory.create(
        name="Thames Skin Rooms",
        slug="thames-skin-rooms-london",
        town="London",
        latitude=LONDON[0],
        longitude=LONDON[1],
    )
    member(other_clinic_staff, thames)
    PractitionerFactory.create(clinic=thames, name="Nurse Ben Brightwell", register="nmc")
    OfferFactory.create(clinic=thames, treatment=mesotherapy, price_from_gbp=90)
    return thames
