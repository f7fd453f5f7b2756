"""Site search over the catalogue with Wagtail's database backend (run on SQLite and PostgreSQL)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import BodyAreaFactory, ConcernFactory, TreatmentFactory
from tests.worker import run_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed() -> None:
    TreatmentFactory.create(name="Mesotherapy", slug="mesotherapy", summary="Tiny injections of vitamins.")
    TreatmentFactory.create(
        name="Microneedling", slug="microneedling", summary="Fine needles prompt collagen."
    )
    TreatmentFactory.create(name="Secret peel", slug="secret-peel", is_published=False)
    ConcernFactory.create(name="Stretch marks", slug="stretch-marks", summary="Lines left by stretching.")
    BodyAreaFactory.create(name="Abdomen", slug="abdomen", summary="Where stretch marks often appear.")
    assert run_tasks() >= 5  # the index is updated by the background worker after each save


def groups(response) -> dict[str, list[str]]:
    html = response.content.decode()
    found: dict[str, list[str]] = {}
    for kind, body in re.findall(r'<h2 id="group-\d+">([^<]+)</h2>(.*?)</section>', html, re.DOTALL):
        found[kind] = re.findall(r'<li><a href="([^"]+)"', body)
    return found


def test_search_finds_a_treatment_by_name(client: Client, indexed: None) -> None:
    assert groups(client.get("/search/?q=mesotherapy")) == {"Treatments": ["/treatments/mesotherapy/"]}


def test_search_groups_results_by_kind(client: Client, indexed: None) -> None:
    found = groups(client.get("/search/?q=stretch marks"))
    assert found["Concerns"] == ["/concerns/stretch-marks/"]
    assert found["Body areas"] == ["/areas/abdomen/"]


def test_search_matches_words_in_the_summary(client: Client, indexed: None) -> None:
    assert groups(client.get("/search/?q=collagen")) == {"Treatments": ["/treatments/microneedling/"]}


def test_unpublished_treatments_are_not_found(client: Client, indexed: None) -> None:
    response = client.get("/search/?q=secret")
    assert groups(response) == {}
    assert "Nothing matched" in response.content.decode()


def test_a_misspelt_query_suggests_close_matches(client: Client, indexed: None) -> None:
    html = client.get("/search/?q=mesotheraphy").content.decode()
    assert "Nothing matched" in html
    assert 'Did you mean: <a href="?q=Mesotherapy">Mesotherapy</a>' in html
