"""Demo clinics and the benchmark generator."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts.models import User
from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.directory import demo
from cosmediclist.directory.models import Clinic, ClinicMembership, MembershipRole, Offer


def test_demo_has_40_clinics_in_10_towns_and_wellcare_offers_mesotherapy(db) -> None:
    for slug in demo.TREATMENTS:
        TreatmentFactory.create(slug=slug, name=slug.replace("-", " ").capitalize())
    accounts_demo.load()
    demo.load()
    demo.load()  # a second run adds nothing
    assert Clinic.objects.count() >= 40
    assert Clinic.objects.values("town").distinct().count() >= 10
    wellcare = Clinic.objects.get(name="Wellcare Medical Centre")
    assert wellcare.town == "Manchester"
    assert wellcare.is_verified
    assert Offer.objects.filter(clinic=wellcare, treatment__slug="mesotherapy").exists()
    assert wellcare.practitioners.count() == 3
    assert all(p.registration_number.startswith("DEMO") for p in wellcare.practitioners.all())
    staff = User.objects.get(email=accounts_demo.CLINIC_STAFF.email)
    assert ClinicMembership.objects.get(user=staff).role == MembershipRole.OWNER
    assert Clinic.objects.filter(is_verified=False).exists()


def test_demo_skips_offers_for_treatments_that_do_not_exist(db) -> None:
    accounts_demo.load()
    demo.load()
    assert Clinic.objects.count() >= 40
    assert not Offer.objects.exists()


def test_generate_clinics_adds_verified_clinics_with_offers(db) -> None:
    TreatmentFactory.create()
    TreatmentFactory.create()
    call_command("generate_clinics", count=30, stdout=StringIO())
    assert Clinic.objects.verified().count() == 30
    assert Offer.objects.count() >= 30
    call_command("generate_clinics", count=5, stdout=StringIO())
    assert Clinic.objects.count() == 35
