"""The treatment list with its filters, and the treatment page."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import (
    BodyAreaFactory,
    ConcernFactory,
    TreatmentConcernFactory,
    TreatmentFactory,
    full_treatment,
)
from tests.corpora import naughty_strings

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def catalogue() -> None:
    marks = ConcernFactory.create(name="Stretch marks", slug="stretch-marks")
    face = BodyAreaFactory.create(name="Face", slug="face")
    gentle = TreatmentFactory.create(name="Gentle", slug="gentle", price_gbp_min=50, price_gbp_max=120)
    needles = TreatmentFactory.create(
        name="Needles",
        slug="needles",
        procedure_type="minimally_invasive",
        downtime_days_min=1,
        downtime_days_max=3,
        price_gbp_min=150,
        price_gbp_max=350,
    )
    TreatmentFactory.create(
        name="Laser",
        slug="laser",
        procedure_type="minimally_invasive",
        downtime_days_min=5,
        downtime_days_max=14,
        price_gbp_min=600,
        price_gbp_max=1800,
    )
    TreatmentFactory.create(name="Hidden", slug="hidden", is_published=False)
    TreatmentConcernFactory.create(treatment=gentle, concern=marks)
    TreatmentConcernFactory.create(treatment=needles, concern=marks)
    needles.areas.add(face)


def test_the_list_shows_every_published_treatment(client: Client, catalogue: None) -> None:
    response = client.get("/treatments/")
    assert response.status_code == 200
    assert names(response) == ["Gentle", "Laser", "Needles"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("concern=stretch-marks", ["Gentle", "Needles"]),
        ("area=face", ["Needles"]),
        ("type=minimally_invasive", ["Laser", "Needles"]),
        ("downtime=0", ["Gentle"]),
        ("downtime=3", ["Gentle", "Needles"]),
        ("price=under-150", ["Gentle"]),
        ("price=150-400", ["Needles"]),
        ("price=400-plus", ["Laser"]),
        ("concern=stretch-marks&type=minimally_invasive&downtime=7&price=150-400", ["Needles"]),
        ("concern=stretch-marks&price=400-plus", []),
    ],
)
def test_filters_narrow_the_list_and_keep_their_state(
    client: Client, catalogue: None, query: str, expected: list[str]
) -> None:
    response = client.get(f"/treatments/?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    html = response.content.decode()
    for pair in query.split("&"):
        value = pair.split("=")[1]
        assert f'value="{value}" selected' in html
    if not expected:
        assert "No treatment matches all of these filters" in html


def test_an_unknown_filter_value_is_a_400_with_the_message_next_to_the_field(
    client: Client, catalogue: None
) -> None:
    response = client.get("/treatments/?concern=no-such-thing&area=face")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_concern_error"' in html
    assert "Select a valid choice" in html
    assert 'value="face" selected' in html


@pytest.mark.parametrize("value", naughty_strings()[::7])
def test_naughty_filter_values_never_cause_a_500(client: Client, catalogue: None, value: str) -> None:
    response = client.get("/treatments/", {"concern": value, "downtime": value, "price": value})
    assert response.status_code in (200, 400)


def test_the_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries) -> None:
    full_treatment(n_each=1)
    with django_assert_num_queries(5):
        client.get("/treatments/")
    for _ in range(5):
        full_treatment(n_each=3)
    with django_assert_num_queries(5):
        assert client.get("/treatments/?type=non_invasive").status_code == 200


def test_the_treatment_page_shows_every_part(client: Client) -> None:
    treatment = full_treatment(n_each=2, name="Mesotherapy", slug="mesotherapy", evidence_level="limited")
    response = client.get("/treatments/mesotherapy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mesotherapy at a glance" in html
    assert "Limited evidence" in html and treatment.evidence_note in html
    for reference in treatment.references.all():
        assert reference.title in html and f"https://doi.org/{reference.doi}" in html
    for link in treatment.concern_links.select_related("concern"):
        assert link.concern.name in html and link.how_it_helps in html
    for area in treatment.areas.all():
        assert f'href="/areas/{area.slug}/"' in html
    for effect in treatment.side_effects.all():
        assert effect.name in html
    for step in treatment.aftercare_steps.all():
        assert step.timing_label in html
    assert "Who should talk to a clinician first" in html
    for item in treatment.contraindications.all():
        assert item.question in html
    assert 'action="/compare/"' in html and 'name="with" value="mesotherapy"' in html


def test_the_treatment_page_carries_valid_medical_procedure_json_ld(client: Client) -> None:
    treatment = full_treatment(
        name="Peel </script><script>alert(1)</script>",
        slug="peel",
        procedure_type="minimally_invasive",
        how_performed="A solution is painted on & left </script>.",
    )
    html = client.get("/treatments/peel/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalProcedure"
    assert data["name"] == treatment.name
    assert data["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert data["howPerformed"] == "A solution is painted on & left </script>."
    assert data["preparation"] == treatment.preparation
    assert data["followup"] == treatment.followup
    assert data["bodyLocation"] == ", ".join(a.name for a in treatment.areas.all())
    assert "<script>alert" not in html


def test_the_treatment_page_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries) -> None:
    from cosmediclist.directory.tests.factories import OfferFactory, PractitionerFactory

    few = full_treatment(n_each=1, slug="few")
    many = full_treatment(n_each=6, slug="many")
    OfferFactory.create(treatment=few)
    for _ in range(5):  # more clinics, each with practitioners, in "clinics offering"
        offer = OfferFactory.create(treatment=many)
        offer.practitioners.add(*PractitionerFactory.create_batch(3, clinic=offer.clinic))
    # 7 for the treatment itself, 4 for the clinics that offer it, nearest first, and 2 for what
    # patients told us (the "worth it" share and the measured results, reviews.selectors), and 1 for
    # the guides written about it (editorial_tags.treatment_guides).
    with django_assert_num_queries(14):
        assert client.get("/treatments/few/?near=Manchester").status_code == 200
    with django_assert_num_queries(14):
        assert client.get("/treatments/many/?near=Manchester").status_code == 200


def test_an_unpublished_or_unknown_treatment_is_a_404(client: Client) -> None:
    TreatmentFactory.create(slug="draft", is_published=False)
    assert client.get("/treatments/draft/").status_code == 404
    assert client.get("/treatments/nothing-here/").status_code == 404


def test_sitemap_lists_treatments_concerns_and_areas(client, db) -> None:
    from cosmediclist.catalog import demo

    demo.load()
    body = client.get("/sitemap.xml").content.decode()
    for path in ("/treatments/mesotherapy/", "/concerns/stretch-marks/", "/areas/face/"):
        assert f"http://testserver{path}" in body
