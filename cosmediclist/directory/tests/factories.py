"""Directory factories (the only ones for clinics, practitioners and offers) and the persona clinics:
deterministic sequences, no random values."""

# factory_boy's declarations carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import time

import factory
from django.utils import timezone
from factory.declarations import LazyFunction, Sequence, SubFactory

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import TreatmentFactory
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


def clinic_offering(
    treatment: Treatment, *, staff: User | None = None, price_from_gbp: int = 150, **fields: object
) -> Clinic:
    """A verified clinic in Manchester offering ``treatment``; ``staff`` joins it as staff."""
    clinic = ClinicFactory.create(**fields)
    OfferFactory.create(clinic=clinic, treatment=treatment, price_from_gbp=price_from_gbp)
    if staff is not None:
        member(staff, clinic, role=MembershipRole.STAFF)
    return clinic


def wellcare(*, staff: User, treatment: Treatment) -> Clinic:
    """Wellcare Medical Centre in Manchester, the ``clinic`` persona: ``staff`` owns it, Dr Amara Ashdown
    (GMC, checked) gives ``treatment`` there from £180 to £220, open Monday to Saturday."""
    clinic = ClinicFactory.create(
        name="Wellcare Medical Centre",
        slug="wellcare-medical-centre-manchester",
        address="1 High Street",
        postcode="M1 1AA",
    )
    member(staff, clinic)
    doctor = PractitionerFactory.create(clinic=clinic, name="Dr Amara Ashdown")
    offer = OfferFactory.create(clinic=clinic, treatment=treatment, price_from_gbp=180, price_to_gbp=220)
    offer.practitioners.add(doctor)
    hours(clinic, range(6))
    return clinic


def thames(*, staff: User, treatment: Treatment) -> Clinic:
    """Thames Skin Rooms in London, the ``other_clinic`` persona: ``staff`` owns it, Nurse Ben Brightwell
    (NMC) works there, and it offers ``treatment`` from £90."""
    clinic = ClinicFactory.create(
        name="Thames Skin Rooms",
        slug="thames-skin-rooms-london",
        town="London",
        postcode="SE1 9AA",
        latitude=LONDON[0],
        longitude=LONDON[1],
    )
    member(staff, clinic)
    PractitionerFactory.create(clinic=clinic, name="Nurse Ben Brightwell", register=Register.NMC)
    OfferFactory.create(clinic=clinic, treatment=treatment, price_from_gbp=90)
    return clinic


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
