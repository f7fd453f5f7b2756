"""API: the read-only catalogue (treatments, concerns, areas, comparison), with pinned query counts."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import (
    BodyAreaFactory,
    ConcernFactory,
    TreatmentConcernFactory,
    TreatmentFactory,
    full_treatment,
)

pytestmark = pytest.mark.django_db


def test_treatments_list_runs_the_same_queries_for_one_or_fifty_items(
    client: Client, django_assert_num_queries
) -> None:
    full_treatment(n_each=1, slug="a", name="A")
    with django_assert_num_queries(4):
        body = client.get("/api/v1/treatments").json()
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    for n in range(49):
        full_treatment(n_each=2, slug=f"b{n:02d}", name=f"B{n:02d}")
    with django_assert_num_queries(4):
        body = client.get("/api/v1/treatments?limit=50").json()
    assert len(body["items"]) == 50 and body["count"] == 50
    first = body["items"][1]
    assert first["slug"] == "b00" and first["sessions"] == {"min": 1, "max": 3}
    assert len(first["concerns"]) == 2 and len(first["areas"]) == 2
    assert body["items"][0]["url"] == "http://testserver/treatments/a/"
    assert body["items"][0]["api_url"] == "http://testserver/api/v1/treatments/a"


def test_a_limit_above_the_maximum_is_reduced_and_links_are_absolute(client: Client) -> None:
    for n in range(3):
        TreatmentFactory.create(slug=f"t{n}", name=f"T{n}")
    body = client.get("/api/v1/treatments?limit=100000").json()
    assert body["limit"] == 100 and len(body["items"]) == 3
    body = client.get("/api/v1/treatments?limit=1&offset=1").json()
    assert [t["slug"] for t in body["items"]] == ["t1"]
    assert body["next"] == "http://testserver/api/v1/treatments?limit=1&offset=2"
    assert body["previous"] == "http://testserver/api/v1/treatments?limit=1&offset=0"
    response = client.get("/api/v1/treatments?limit=0")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "limit"


def test_treatments_are_filtered_as_the_catalogue_page_filters_them(client: Client) -> None:
    concern = ConcernFactory.create(slug="acne-scars")
    area = BodyAreaFactory.create(slug="face")
    needling = TreatmentFactory.create(
        slug="needling", downtime_days_max=2, price_gbp_min=100, price_gbp_max=140
    )
    needling.areas.add(area)
    TreatmentConcernFactory.create(concern=concern, treatment=needling)
    TreatmentFactory.create(
        slug="laser", procedure_type="ablative", downtime_days_max=10, price_gbp_min=500, price_gbp_max=900
    )
    TreatmentFactory.create(slug="hidden", is_published=False)

    def slugs(query: str) -> list[str]:
        return [t["slug"] for t in client.get("/api/v1/treatments?" + query).json()["items"]]

    assert sorted(slugs("")) == ["laser", "needling"]
    assert slugs("concern=acne-scars") == slugs("area=face") == ["needling"]
    assert slugs("type=ablative") == ["laser"]
    assert slugs("downtime=3") == ["needling"]
    assert slugs("price=under-150") == ["needling"]


@pytest.mark.parametrize("query", ["concern=nothing", "area=nowhere"])
def test_an_unknown_concern_or_area_is_a_404_naming_the_field(client: Client, query: str) -> None:
    response = client.get("/api/v1/treatments?" + query)
    assert response.status_code == 404
    assert response.json()["field"] == query.split("=")[0]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("type=magic", "type"),
        ("downtime=-1", "downtime"),
        ("price=cheap", "price"),
        ("offset=-5", "offset"),
        ("offset=1&offset=0", "offset"),
        ("type=injectable&type=device", "type"),
    ],
)
def test_a_bad_filter_is_a_422_naming_its_field(client: Client, query: str, field: str) -> None:
    response = client.get("/api/v1/treatments?" + query)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_one_treatment_in_full_in_fixed_queries(client: Client, django_assert_num_queries) -> None:
    full_treatment(n_each=1, slug="few")
    full_treatment(n_each=5, slug="many")
    with django_assert_num_queries(9):
        client.get("/api/v1/treatments/few")
    with django_assert_num_queries(9):
        body = client.get("/api/v1/treatments/many").json()
    assert len(body["references"]) == 5 and body["references"][0]["link"].startswith("https://doi.org/")
    assert len(body["screening_questions"]) == 5 and len(body["aftercare"]) == 5
    assert {f["key"]: f["value"] for f in body["at_a_glance"]}["sessions"] == "1–3 sessions"
    assert body["measured_outcomes"] == []  # fewer than five patients answered: nothing is claimed
    assert body["worth_it"] == {"reviews": 0, "worth_it": 0, "percent": 0}
    assert body["reviews_url"] == "http://testserver/api/v1/treatments/many/reviews"


def test_unknown_or_unpublished_treatment_is_a_json_404(client: Client) -> None:
    full_treatment(slug="draft", is_published=False)
    for path in ("/api/v1/treatments/draft", "/api/v1/treatments/nothing"):
        response = client.get(path)
        assert response.status_code == 404 and "detail" in response.json()


def test_concerns_and_what_helps_each(client: Client, django_assert_num_queries) -> None:
    concern = ConcernFactory.create(slug="stretch-marks", name="Stretch marks")
    for n in range(3):
        TreatmentConcernFactory.create(concern=concern, how_it_helps=f"Way {n}")
    with django_assert_num_queries(2):
        assert [c["slug"] for c in client.get("/api/v1/concerns").json()["items"]] == ["stretch-marks"]
    for _ in range(49):
        ConcernFactory.create()
    with django_assert_num_queries(2):
        assert len(client.get("/api/v1/concerns?limit=50").json()["items"]) == 50
    with django_assert_num_queries(2):
        body = client.get("/api/v1/concerns/stretch-marks").json()
    assert sorted(t["how_it_helps"] for t in body["treatments"]) == ["Way 0", "Way 1", "Way 2"]
    assert client.get("/api/v1/concerns/nothing").status_code == 404


def test_body_areas_and_their_treatments(client: Client, django_assert_num_queries) -> None:
    face = BodyAreaFactory.create(slug="face", name="Face")
    TreatmentFactory.create(slug="peel").areas.add(face)
    TreatmentFactory.create(slug="hidden", is_published=False).areas.add(face)
    with django_assert_num_queries(2):
        assert [a["slug"] for a in client.get("/api/v1/areas").json()["items"]] == ["face"]
    for _ in range(49):
        BodyAreaFactory.create()
    with django_assert_num_queries(2):
        assert len(client.get("/api/v1/areas?limit=50").json()["items"]) == 50
    body = client.get("/api/v1/areas/face").json()
    assert [t["slug"] for t in body["treatments"]] == ["peel"]
    assert client.get("/api/v1/areas/nowhere").status_code == 404


def test_two_to_four_treatments_compare_side_by_side(client: Client, django_assert_num_queries) -> None:
    for slug in ("b", "a", "c"):
        full_treatment(slug=slug, name=slug.upper())
    with django_assert_num_queries(3):
        body = client.get("/api/v1/compare?t=b&t=a&t=c").json()
    assert [t["slug"] for t in body["treatments"]] == ["b", "a", "c"]
    assert body["url"] == "http://testserver/compare/a-vs-b-vs-c/"
    rows = {r["key"]: r for r in body["rows"]}
    assert rows["sessions"]["values"] == ["1–3 sessions"] * 3 and not rows["sessions"]["differs"]


@pytest.mark.parametrize(
    ("query", "status"),
    [("t=a", 422), ("t=a&t=a", 422), ("t=a&t=b&t=c&t=d&t=e", 422), ("", 422), ("t=a&t=nothing", 404)],
)
def test_a_comparison_that_cannot_be_made_says_why(client: Client, query: str, status: int) -> None:
    for slug in ("a", "b", "c", "d", "e"):
        TreatmentFactory.create(slug=slug)
    response = client.get("/api/v1/compare?" + query)
    assert response.status_code == status
    if status == 422:
        assert response.json()["errors"][0]["field"] == "t"
