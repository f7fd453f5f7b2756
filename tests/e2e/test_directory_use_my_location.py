"""The directory search from the browser's position, and a misspelt town's suggestion.
(Journey 2 itself, from the search to the reminders, is test_journey_2_consultation.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.directory.tests.factories import (
    LONDON,
    ClinicFactory,
    OfferFactory,
    PractitionerFactory,
    hours,
)


def build_directory() -> None:
    mesotherapy = TreatmentFactory.create(name="Mesotherapy", slug="mesotherapy")
    TreatmentFactory.create(name="Chemical peel", slug="chemical-peel")
    wellcare = ClinicFactory.create(name="Wellcare Medical Centre", slug="wellcare-medical-centre-manchester")
    doctor = PractitionerFactory.create(clinic=wellcare, name="Dr Amara Ashdown")
    PractitionerFactory.create(
        clinic=wellcare, name="Nurse Ben Brightwell", register="nmc", profession="Nurse prescriber"
    )
    offer = OfferFactory.create(clinic=wellcare, treatment=mesotherapy, price_from_gbp=180, price_to_gbp=220)
    offer.practitioners.add(doctor)
    hours(wellcare, range(6))
    pricey = ClinicFactory.create(name="Deansgate Luxe Aesthetics", latitude=53.4794, longitude=-2.2490)
    OfferFactory.create(clinic=pricey, treatment=mesotherapy, price_from_gbp=450)
    london = ClinicFactory.create(
        name="Thames Skin Rooms", latitude=LONDON[0], longitude=LONDON[1], town="London"
    )
    OfferFactory.create(clinic=london, treatment=mesotherapy, price_from_gbp=90)


@pytest.mark.django_db(transaction=True)
def test_use_my_location_fills_the_position_and_finds_nearby_clinics(page: Page, live_server) -> None:
    build_directory()
    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 51.509, "longitude": -0.126})
    page.goto(live_server.url + "/clinics/")
    page.get_by_role("button", name="Use my location").click()
    expect(page.get_by_text("1 clinic within 15 miles of your location")).to_be_visible()
    expect(page.locator(".clinic-card__name")).to_have_text(["Thames Skin Rooms"])
    page.get_by_label("Near (town, city or postcode)").fill("Manchster")
    page.get_by_role("button", name="Search clinics").click()
    page.get_by_role("link", name="Manchester").click()
    expect(page.get_by_text("within 15 miles of Manchester")).to_be_visible()
