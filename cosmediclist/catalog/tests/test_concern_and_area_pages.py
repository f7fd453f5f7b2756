"""Concern pages ("Stretch marks: what can help") and body-area pages."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import (
    BodyAreaFactory,
    ConcernFactory,
    TreatmentConcernFactory,
    TreatmentFactory,
)

pytestmark = pytest.mark.django_db


def test_the_concern_page_lists_what_can_help_and_how(client: Client) -> None:
    marks = ConcernFactory.create(name="Stretch marks", slug="stretch-marks")
    meso = TreatmentFactory.create(name="Mesotherapy", slug="mesotherapy", downtime_days_max=0)
    TreatmentConcernFactory.create(treatment=meso, concern=marks, how_it_helps="Softens their look.")
    hidden = TreatmentFactory.create(name="Hidden", slug="hidden", is_published=False)
    TreatmentConcernFactory.create(treatment=hidden, concern=marks)
    response = client.get("/concerns/stretch-marks/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Stretch marks: what can help</h1>" in html
    assert "Softens their look." in html
    assert "<dt>Downtime</dt><dd>None</dd>" in html
    assert 'name="t" value="mesotherapy"' in html and 'action="/compare/"' in html
    assert "Hidden" not in html


def test_the_concern_index_links_every_concern(client: Client) -> None:
    ConcernFactory.create(name="Cellulite", slug="cellulite")
    html = client.get("/concerns/").content.decode()
    assert 'href="/concerns/cellulite/"' in html


def test_the_concern_page_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries) -> None:
    concern = ConcernFactory.create(slug="lines")
    TreatmentConcernFactory.create(concern=concern)
    # The concern, its treatments, and the guides written about them (one query, links only).
    with django_assert_num_queries(3):
        client.get("/concerns/lines/")
    for _ in range(8):
        TreatmentConcernFactory.create(concern=concern)
    with django_assert_num_queries(3):
        assert client.get("/concerns/lines/").status_code == 200


def test_the_area_page_lists_its_treatments_in_fixed_queries(
    client: Client, django_assert_num_queries
) -> None:
    face = BodyAreaFactory.create(name="Face", slug="face")
    for n in range(4):
        TreatmentFactory.create(name=f"Face treatment {n}").areas.add(face)
    TreatmentFactory.create(name="Elsewhere")
    with django_assert_num_queries(2):
        response = client.get("/areas/face/")
    html = response.content.decode()
    assert "<h1>Treatments for the face</h1>" in html
    assert "Face treatment 3" in html and "Elsewhere" not in html
    assert 'href="/areas/face/"' in client.get("/areas/").content.decode()


def test_unknown_concern_and_area_are_404(client: Client) -> None:
    assert client.get("/concerns/nothing/").status_code == 404
    assert client.get("/areas/nothing/").status_code == 404
