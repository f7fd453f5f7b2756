"""The home page's search band and featured content, the /find/ redirect, and the 404 page's way on."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import ConcernFactory, TreatmentFactory
from tests.corpora import naughty_strings


@pytest.fixture
def catalogue(db: None) -> None:
    TreatmentFactory.create(name="Mesotherapy", slug="mesotherapy")
    TreatmentFactory.create(name="Brand new", slug="brand-new")
    ConcernFactory.create(name="Dull skin", slug="dull-skin")


def test_home_opens_with_a_search_by_treatment_or_concern_and_town(client: Client, catalogue) -> None:
    html = client.get("/").content.decode()
    band = html.index('class="search-band__form"')
    assert band < html.index("How we check what we publish")
    assert '<option value="treatment:mesotherapy">Mesotherapy</option>' in html
    assert '<option value="concern:dull-skin">Dull skin</option>' in html
    assert 'id="find-where" type="text" name="where"' in html
    assert (
        "/static/img/illustrations/treatment-default.svg" in html
    )  # a drawing for a treatment without its own


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"what": "treatment:mesotherapy", "where": "Leeds"},
            {"treatment": ["mesotherapy"], "near": ["Leeds"]},
        ),
        ({"what": "concern:dull-skin", "where": ""}, {"concern": ["dull-skin"]}),
        ({"what": "", "where": "M1 1AE"}, {"near": ["M1 1AE"]}),
        ({"what": "nonsense:x"}, {}),
    ],
)
def test_find_leads_to_the_clinic_search(client: Client, db: None, query, expected) -> None:
    response = client.get("/find/", query)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/clinics/"
    assert parse_qs(location.query) == expected


@pytest.mark.parametrize("value", naughty_strings()[:80])
def test_naughty_find_queries_never_give_a_500(client: Client, db: None, value: str) -> None:
    response = client.get("/find/", {"what": value, "where": value}, follow=True)
    assert response.status_code in (200, 400)


def test_home_runs_a_fixed_number_of_queries(client: Client, catalogue, django_assert_num_queries) -> None:
    with django_assert_num_queries(4):
        assert client.get("/").status_code == 200
    TreatmentFactory.create_batch(8)
    with django_assert_num_queries(4):
        assert client.get("/").status_code == 200


def test_the_404_page_offers_search_and_popular_places(client: Client, db: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="not-found-q" type="search" name="q"' in html
    for href in ('href="/treatments/"', 'href="/concerns/"', 'href="/clinics/"', 'href="/"'):
        assert href in html
