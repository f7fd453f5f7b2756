"""Staff keep their listing right: details, hours, practitioners, prices; an administrator verifies."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.core.models import AuditEvent
from cosmediclist.directory.models import Clinic, Offer, OpeningHours, Practitioner
from cosmediclist.directory.tests.factories import ClinicFactory, OfferFactory
from tests.corpora import naughty_strings
from tests.personas import client_for

PROFILE = {
    "name": "Wellcare Medical Centre",
    "description": "Doctor-led clinic.",
    "address": "12 Portland Street",
    "town": "Manchester",
    "postcode": "m1 4zz",
    "latitude": "53.4790",
    "longitude": "-2.2380",
    "phone": "0161 496 0123",
    "website": "https://wellcare.example",
    "accessibility": "Lift to every floor.",
}


@pytest.fixture
def staff(clinic_staff) -> Client:
    return client_for(clinic_staff)


def test_staff_edit_the_clinic_details(staff: Client, clinic) -> None:
    response = staff.post(f"/portal/clinics/{clinic.slug}/", PROFILE)
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.postcode == "M1 4ZZ"
    assert clinic.accessibility == "Lift to every floor."
    assert AuditEvent.objects.filter(action="clinic.updated", clinic_id=clinic.pk).exists()


def test_bad_details_get_400_with_the_message_by_the_field_and_values_kept(staff: Client, clinic) -> None:
    response = staff.post(
        f"/portal/clinics/{clinic.slug}/", {**PROFILE, "latitude": "north", "name": "Kept name"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_latitude_error"' in page
    assert 'value="Kept name"' in page
    assert 'value="north"' in page


def test_naughty_strings_in_text_fields_never_cause_a_500(staff: Client, clinic) -> None:
    for text in naughty_strings()[::3]:
        data = {**PROFILE, "description": text, "accessibility": text, "address": text[:300] or "x"}
        response = staff.post(f"/portal/clinics/{clinic.slug}/", data)
        assert response.status_code in (302, 400), text
    page = Client().get(Clinic.objects.get(pk=clinic.pk).get_absolute_url())
    assert page.status_code == 200


def test_staff_set_opening_hours_and_closed_days_are_left_empty(staff: Client, clinic) -> None:
    data = {"opens_0": "09:00", "closes_0": "17:30", "opens_5": "10:00", "closes_5": "14:00"}
    assert staff.post(f"/portal/clinics/{clinic.slug}/hours/", data).status_code == 302
    rows = list(OpeningHours.objects.filter(clinic=clinic).values_list("weekday", flat=True))
    assert rows == [0, 5]


def test_hours_closing_before_opening_is_refused_by_the_field(staff: Client, clinic) -> None:
    response = staff.post(f"/portal/clinics/{clinic.slug}/hours/", {"opens_2": "18:00", "closes_2": "09:00"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Wednesday: closing must be after opening." in page
    assert 'value="18:00"' in page
    response = staff.post(f"/portal/clinics/{clinic.slug}/hours/", {"opens_3": "09:00"})
    assert "Thursday: give both times" in response.content.decode()


def test_staff_add_a_practitioner_who_then_awaits_a_registration_check(staff: Client, clinic) -> None:
    data = {"name": "Nurse Elin Eastleigh", "profession": "Nurse prescriber", "register": "nmc"}
    data |= {"registration_number": "12a 3456e", "bio": "", "sort_order": "1", "psa_register_name": ""}
    assert staff.post(f"/portal/clinics/{clinic.slug}/practitioners/", data).status_code == 302
    added = Practitioner.objects.get(name="Nurse Elin Eastleigh")
    assert added.registration_number == "12A3456E"
    assert not added.is_registration_verified


def test_changing_a_registration_number_clears_the_check(staff: Client, clinic) -> None:
    doctor = clinic.practitioners.get()
    assert doctor.is_registration_verified
    data = {"name": doctor.name, "profession": doctor.profession, "register": "gmc", "psa_register_name": ""}
    data |= {"registration_number": "DEMO9999", "bio": "", "sort_order": "0"}
    assert staff.post(f"/portal/clinics/{clinic.slug}/practitioners/{doctor.pk}/", data).status_code == 302
    doctor.refresh_from_db()
    assert not doctor.is_registration_verified
    assert doctor.registration_verified_at is None


def test_psa_practitioners_name_their_register(staff: Client, clinic) -> None:
    data = {"name": "Kiran Carrow", "profession": "Aesthetic practitioner", "register": "psa"}
    data |= {"registration_number": "DEMO0042", "bio": "", "sort_order": "0", "psa_register_name": ""}
    response = staff.post(f"/portal/clinics/{clinic.slug}/practitioners/", data)
    assert response.status_code == 400
    assert 'id="id_psa_register_name_error"' in response.content.decode()


def test_staff_add_change_and_remove_an_offer(staff: Client, clinic) -> None:
    peel = TreatmentFactory.create(name="Chemical peel", slug="chemical-peel")
    doctor = clinic.practitioners.get()
    data = {"treatment": peel.pk, "price_from_gbp": "90", "price_to_gbp": "", "price_basis": "course"}
    data |= {"practitioners": [doctor.pk], "notes": "Three peels."}
    assert staff.post(f"/portal/clinics/{clinic.slug}/offers/", data).status_code == 302
    offer = Offer.objects.get(clinic=clinic, treatment=peel)
    assert offer.price_label == "from £90 per course"
    assert list(offer.practitioners.all()) == [doctor]
    data["price_to_gbp"] = "120"
    assert staff.post(f"/portal/clinics/{clinic.slug}/offers/{offer.pk}/", data).status_code == 302
    offer.refresh_from_db()
    assert offer.price_to_gbp == 120
    assert staff.post(f"/portal/clinics/{clinic.slug}/offers/{offer.pk}/delete/").status_code == 302
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_offer_errors_are_shown_by_the_field(staff: Client, clinic, treatment) -> None:
    data = {"treatment": treatment.pk, "price_from_gbp": "90", "price_to_gbp": "", "price_basis": "session"}
    response = staff.post(f"/portal/clinics/{clinic.slug}/offers/", data)
    assert response.status_code == 400
    assert "already lists this treatment" in response.content.decode()
    peel = TreatmentFactory.create()
    response = staff.post(
        f"/portal/clinics/{clinic.slug}/offers/", {**data, "treatment": peel.pk, "price_to_gbp": "50"}
    )
    assert response.status_code == 400
    assert 'id="id_price_to_gbp_error"' in response.content.decode()


def test_an_offer_cannot_name_another_clinics_practitioner(staff: Client, clinic, other_clinic) -> None:
    outsider = other_clinic.practitioners.get()
    peel = TreatmentFactory.create()
    data = {
        "treatment": peel.pk,
        "price_from_gbp": "90",
        "price_basis": "session",
        "practitioners": [outsider.pk],
    }
    response = staff.post(f"/portal/clinics/{clinic.slug}/offers/", data)
    assert response.status_code == 400
    assert not Offer.objects.filter(treatment=peel).exists()


def test_an_administrator_verifies_a_clinic_which_then_appears_in_search(admin, clinic_staff) -> None:
    pending = ClinicFactory.create(name="Pending Clinic", is_verified=False, verified_at=None)
    OfferFactory.create(clinic=pending)
    reader = Client()
    assert "Pending Clinic" not in reader.get("/clinics/").content.decode()
    superuser = client_for(admin)
    assert "Pending Clinic" in superuser.get("/portal/verification/").content.decode()
    assert superuser.post(f"/portal/verification/clinics/{pending.pk}/", {"verified": "1"}).status_code == 302
    assert "Pending Clinic" in reader.get("/clinics/").content.decode()
    assert reader.get(pending.get_absolute_url()).status_code == 200


def test_an_administrator_marks_a_registration_as_checked(admin, clinic) -> None:
    doctor = clinic.practitioners.get()
    Practitioner.objects.filter(pk=doctor.pk).update(
        is_registration_verified=False, registration_verified_at=None
    )
    client_for(admin).post(f"/portal/verification/practitioners/{doctor.pk}/", {"verified": "1"})
    doctor.refresh_from_db()
    assert doctor.is_registration_verified
    assert AuditEvent.objects.filter(action="practitioner.verified").exists()
