"""Factories for directory tests: deterministic sequences, no random values."""

# factory_boy's declarations carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import time

import factory
from django.utils import timezone
from factory.declarations import LazyFunction, Sequence, SubFactory

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import (
    Category,
    Concern,
    EvidenceLevel,
    ProcedureType,
    Treatment,
    TreatmentConcern,
)
from cosmediclist.core.registers import Register
from cosmediclist.directory.models import (
    Clinic,
    ClinicMembership,
    ClinicPhoto,
    MembershipRole,
    Offer,
    OpeningHours,
    Practitioner,
)

MANCHESTER = (53.48095, -2.23743)
LONDON = (51.50853, -0.12574)


class TreatmentFactory(factory.django.DjangoModelFactory[Treatment]):
    class Meta:
        model = Treatment
        django_get_or_create = ("slug",)

    name = Sequence(lambda n: f"Treatment {n}")
    slug = Sequence(lambda n: f"treatment-{n}")
    summary = "A treatment used in directory tests."
    category = Category.SKIN_REJUVENATION
    procedure_type = ProcedureType.MINIMALLY_INVASIVE
    anaesthesia = "topical"
    pain_score = 3
    sessions_min = 3
    sessions_max = 4
    session_minutes_min = 30
    session_minutes_max = 60
    price_gbp_min = 100
    price_gbp_max = 300
    evidence_level = EvidenceLevel.LIMITED
    evidence_note = "Small studies only."


class ConcernFactory(factory.django.DjangoModelFactory[Concern]):
    class Meta:
        model = Concern
        django_get_or_create = ("slug",)

    name = Sequence(lambda n: f"Concern {n}")
    slug = Sequence(lambda n: f"concern-{n}")


def link(treatment: Treatment, concern: Concern) -> None:
    TreatmentConcern.objects.create(
        treatment=treatment, concern=concern, how_it_helps="It can help a little."
    )


class ClinicFactory(factory.django.DjangoModelFactory[Clinic]):
    class Meta:
        model = Clinic

    name = Sequence(lambda n: f"Clinic {n}")
    slug = Sequence(lambda n: f"clinic-{n}")
    address = Sequence(lambda n: f"{n} Test Street")
    town = "Manchester"
    postcode = "M1 1ZZ"
    latitude = MANCHESTER[0]
    longitude = MANCHESTER[1]
    phone = "0161 496 0000"
    description = "A clinic used in tests."
    accessibility = "Step-free entrance."
    is_verified = True
    verified_at = LazyFunction(timezone.now)


class PractitionerFactory(factory.django.DjangoModelFactory[Practitioner]):
    class Meta:
        model = Practitioner

    clinic = SubFactory(ClinicFactory)
    name = Sequence(lambda n: f"Dr Test Person {n}")
    profession = "Aesthetic doctor"
    register = Register.GMC
    registration_number = Sequence(lambda n: f"DEMO{n:04d}")
    is_registration_verified = True
    registration_verified_at = LazyFunction(timezone.now)


class OfferFactory(factory.django.DjangoModelFactory[Offer]):
    class Meta:
        model = Offer

    clinic = SubFactory(ClinicFactory)
    treatment = SubFactory(TreatmentFactory)
    price_from_gbp = 150


def hours(clinic: Clinic, days: range | list[int] = range(5)) -> None:
    OpeningHours.objects.bulk_create(
        OpeningHours(clinic=clinic, weekday=d, opens_at=time(9), closes_at=time(17)) for d in days
    )


def member(user: User, clinic: Clinic, role: str = MembershipRole.OWNER) -> ClinicMembership:
    return ClinicMembership.objects.create(user=user, clinic=clinic, role=role)


def image_bytes(size: tuple[int, int] = (64, 48), fmt: str = "JPEG", gps: bool = False) -> bytes:
    """A small real image; with ``gps`` its EXIF carries a camera model and a GPS position."""
    import io

    from PIL import Image

    picture = Image.new("RGB", size, (200, 120, 90))
    buffer = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x0110] = "Test Camera"  # Model
        exif[0x8825] = {1: "N", 2: (53.0, 28.0, 51.0), 3: "W", 4: (2.0, 14.0, 15.0)}  # GPSInfo
        picture.save(buffer, format=fmt, exif=exif)
    else:
        picture.save(buffer, format=fmt)
    return buffer.getvalue()


def photo(clinic: Clinic, actor: User, name: str = "reception.jpg") -> ClinicPhoto:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cosmediclist.directory import services

    upload = SimpleUploadedFile(name, image_bytes(), content_type="image/jpeg")
    return services.add_photo(actor=actor, clinic=clinic, upload=upload, alt_text="Reception")
