"""The clinic profile: practitioners with credential links, prices, hours, access, JSON-LD."""

from __future__ import annotations

import json
import re

from django.test import Client
from django.urls import NoReverseMatch, reverse

from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.core.registers import Register
from cosmediclist.directory.tests.factories import ClinicFactory, OfferFactory, PractitionerFactory
from tests.personas import client_for


def test_profile_shows_practitioners_prices_hours_and_access(client: Client, clinic) -> None:
    page = client.get("/clinics/wellcare-medical-centre-manchester/").content.decode()
    assert "<h1>Wellcare Medical Centre</h1>" in page
    assert "Dr Amara Ashdown" in page
    assert "General Medical Council (GMC), number DEMO" in page
    assert 'href="https://www.gmc-uk.org/doctors/DEMO' in page
    assert "£180–£220 per session" in page
    assert "Saturday</dt><dd>09:00–17:00" in page
    assert "Step-free entrance." in page
    assert "mlat=53.48095&amp;mlon=-2.23743" in page  # the spot on OpenStreetMap, not raw coordinates


def test_profile_links_the_consultation_request_or_says_it_opens_soon(client: Client, clinic) -> None:
    page = client.get(clinic.get_absolute_url()).content.decode()
    try:
        url = reverse("consultations:request", args=[clinic.slug])
    except NoReverseMatch:
        assert "Consultation requests through CosMedicList open soon" in page
    else:
        assert f'href="{url}">Request a consultation</a>' in page


def test_profile_carries_medical_clinic_and_physician_json_ld(client: Client, clinic) -> None:
    ClinicFactory.create(name="</script><script>alert(1)</script>")
    page = client.get(clinic.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    types = [item["@type"] for item in data["@graph"]]
    assert types == ["MedicalClinic", "Physician"]
    assert data["@graph"][0]["address"]["addressLocality"] == "Manchester"
    assert data["@graph"][1]["name"] == "Dr Amara Ashdown"


def test_json_ld_escapes_markup_in_clinic_text(client: Client, clinic) -> None:
    clinic.description = "</script><script>alert(1)</script>"
    clinic.save()
    page = client.get(clinic.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page


def test_unverified_clinic_is_404_for_the_public_and_other_staff_but_visible_to_its_own(
    client: Client, clinic, other_clinic_staff, clinic_staff
) -> None:
    clinic.is_verified = False
    clinic.verified_at = None
    clinic.save()
    assert client.get(clinic.get_absolute_url()).status_code == 404
    assert client_for(other_clinic_staff).get(clinic.get_absolute_url()).status_code == 404
    own = client_for(clinic_staff).get(clinic.get_absolute_url())
    assert own.status_code == 200
    assert "Not yet verified" in own.content.decode()


def test_profile_runs_a_fixed_number_of_queries(client: Client, clinic, django_assert_num_queries) -> None:
    for extra in (1, 10):
        for _ in range(extra):
            doctor = PractitionerFactory.create(clinic=clinic)
            offer = OfferFactory.create(clinic=clinic, treatment=TreatmentFactory.create())
            offer.practitioners.add(doctor)
        # Clinic, practitioners, offers (with treatments), offers' practitioners, photos, hours; the
        # response time is stored on the clinic, so showing it costs no query. Then 2 for the
        # reviews section of a clinic without reviews (its summary, measured outcomes).
        with django_assert_num_queries(8):
            response = client.get(clinic.get_absolute_url())
        assert response.status_code == 200


def test_a_clinic_group_lists_its_other_verified_locations(client: Client, clinic) -> None:
    from cosmediclist.directory.models import ClinicGroup

    group = ClinicGroup.objects.create(name="Wellcare Group", slug="wellcare-group")
    sister = ClinicFactory.create(name="Wellcare Stockport", town="Stockport", group=group)
    ClinicFactory.create(name="Wellcare Bolton", group=group, is_verified=False, verified_at=None)
    clinic.group = group
    clinic.save()
    page = client.get(clinic.get_absolute_url()).content.decode()
    assert "Other locations of Wellcare Group" in page
    assert f'href="{sister.get_absolute_url()}"' in page
    assert "Wellcare Bolton" not in page


def _graph(client: Client, clinic) -> list[dict]:  # type: ignore[type-arg]
    page = client.get(clinic.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert raw is not None
    return list(json.loads(raw.group(1))["@graph"])


def test_only_a_checked_gmc_doctor_is_a_physician_others_are_a_person_with_occupation_and_credential(
    client: Client, clinic
) -> None:
    PractitionerFactory.create(
        clinic=clinic,
        name="Nell Nurse",
        profession="Nurse prescriber",
        register=Register.NMC,
        registration_number="12A3456B",
    )
    PractitionerFactory.create(
        clinic=clinic,
        name="Dr Unchecked",
        registration_number="7654321",
        is_registration_verified=False,
        registration_verified_at=None,
    )
    people = {node["name"]: node for node in _graph(client, clinic)[1:]}
    assert people["Dr Amara Ashdown"]["@type"] == "Physician"
    nurse = people["Nell Nurse"]
    assert nurse["@type"] == "Person" and nurse["jobTitle"] == "Nurse prescriber"
    assert nurse["hasCredential"]["recognizedBy"]["name"] == "Nursing and Midwifery Council (NMC)"
    assert nurse["hasCredential"]["identifier"] == "NMC 12A3456B"
    assert people["Dr Unchecked"]["@type"] == "Person"


def test_the_clinic_description_in_json_ld_ends_at_a_boundary(client: Client, clinic) -> None:
    clinic.description = "A friendly clinic. " * 40
    clinic.save()
    description = _graph(client, clinic)[0]["description"]
    assert len(description) <= 500 and description.endswith("clinic.")
