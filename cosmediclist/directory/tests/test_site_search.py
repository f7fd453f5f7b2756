"""Clinics and practitioners join the site search."""

from __future__ import annotations

from django.test import Client

from cosmediclist.directory.tests.factories import ClinicFactory, PractitionerFactory


def test_site_search_finds_clinics_by_name_and_town(client: Client, clinic) -> None:
    page = client.get("/search/?q=wellcare").content.decode()
    assert "Clinics" in page
    assert 'href="/clinics/wellcare-medical-centre-manchester/"' in page
    assert "Wellcare Medical Centre" in client.get("/search/?q=Manchester").content.decode()


def test_site_search_finds_practitioners_and_links_their_clinic(client: Client, clinic) -> None:
    page = client.get("/search/?q=Ashdown").content.decode()
    assert "Practitioners" in page
    assert "/clinics/wellcare-medical-centre-manchester/#practitioner-" in page


def test_unverified_clinics_and_their_practitioners_stay_out_of_site_search(client: Client, db) -> None:
    hidden = ClinicFactory.create(name="Hidden Glow Clinic", is_verified=False, verified_at=None)
    PractitionerFactory.create(clinic=hidden, name="Secret Practitioner")
    assert "Hidden Glow" not in client.get("/search/?q=Hidden").content.decode()
    assert "Secret Practitioner" not in client.get("/search/?q=Secret").content.decode()


def test_a_misspelt_town_of_a_clinic_gets_a_suggestion(client: Client, clinic) -> None:
    page = client.get("/search/?q=Manchestre").content.decode()
    assert "Did you mean" in page
    assert ">Manchester</a>" in page
