"""API: the read-only treatment catalogue, with pinned query counts."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import ConcernFactory, TreatmentConcernFactory, full_treatment

pytestmark = pytest.mark.django_db


def test_treatments_are_listed_with_their_facts_in_fixed_queries(
    client: Client, django_assert_num_queries
) -> None:
    full_treatment(n_each=1, slug="a", name="A")
    with django_assert_num_queries(3):
        assert len(client.get("/api/v1/treatments").json()) == 1
    for n in range(4):
        full_treatment(n_each=3, slug=f"b{n}", name=f"B{n}")
    with django_assert_num_queries(3):
        body = client.get("/api/v1/treatments").json()
    assert [t["slug"] for t in body] == ["a", "b0", "b1", "b2", "b3"]
    assert body[1]["sessions"] == {"min": 1, "max": 3}
    assert len(body[1]["concerns"]) == 3 and len(body[1]["areas"]) == 3
    assert body[0]["url"] == "/treatments/a/"


def test_treatments_can_be_filtered_by_concern(client: Client) -> None:
    concern = ConcernFactory.create(slug="acne-scars")
    TreatmentConcernFactory.create(
        concern=concern, treatment=full_treatment(slug="needling", name="Needling")
    )
    full_treatment(slug="other", name="Other")
    assert [t["slug"] for t in client.get("/api/v1/treatments?concern=acne-scars").json()] == ["needling"]


def test_one_treatment_in_full_in_fixed_queries(client: Client, django_assert_num_queries) -> None:
    full_treatment(n_each=1, slug="few")
    full_treatment(n_each=5, slug="many")
    with django_assert_num_queries(7):
        client.get("/api/v1/treatments/few")
    with django_assert_num_queries(7):
        body = client.get("/api/v1/treatments/many").json()
    assert len(body["references"]) == 5 and body["references"][0]["link"].startswith("https://doi.org/")
    assert len(body["screening_questions"]) == 5 and len(body["aftercare"]) == 5


def test_unknown_or_unpublished_treatment_is_a_json_404(client: Client) -> None:
    full_treatment(slug="draft", is_published=False)
    assert client.get("/api/v1/treatments/draft").status_code == 404
    assert client.get("/api/v1/treatments/nothing").status_code == 404


def test_concerns_and_what_helps_each(client: Client, django_assert_num_queries) -> None:
    concern = ConcernFactory.create(slug="stretch-marks", name="Stretch marks")
    for n in range(3):
        TreatmentConcernFactory.create(concern=concern, how_it_helps=f"Way {n}")
    with django_assert_num_queries(1):
        assert [c["slug"] for c in client.get("/api/v1/concerns").json()] == ["stretch-marks"]
    with django_assert_num_queries(2):
        body = client.get("/api/v1/concerns/stretch-marks").json()
    assert sorted(t["how_it_helps"] for t in body["treatments"]) == ["Way 0", "Way 1", "Way 2"]
    assert client.get("/api/v1/concerns/nothing").status_code == 404
