"""Comparing two to four treatments: the reader's order, meaningful differences, costs, bad addresses."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import TreatmentFactory, full_treatment
from tests.corpora import naughty_strings

pytestmark = pytest.mark.django_db


@pytest.fixture
def three() -> None:
    TreatmentFactory.create(name="Mesotherapy", slug="mesotherapy", downtime_days_max=0)
    TreatmentFactory.create(
        name="Microneedling", slug="microneedling", downtime_days_min=1, downtime_days_max=3
    )
    TreatmentFactory.create(name="CO2 laser", slug="co2-laser", downtime_days_min=5, downtime_days_max=14)
    TreatmentFactory.create(name="Draft", slug="draft", is_published=False)


def test_the_chooser_keeps_the_order_the_reader_chose(client: Client, three: None) -> None:
    response = client.get("/compare/", {"t": ["mesotherapy", "microneedling", "co2-laser"]})
    assert response.status_code == 302
    assert response["Location"] == "/compare/mesotherapy-vs-microneedling-vs-co2-laser/"


def test_the_treatment_the_reader_started_from_comes_first(client: Client, three: None) -> None:
    assert 'name="first" value="microneedling"' in client.get("/compare/?with=microneedling").content.decode()
    response = client.get("/compare/", {"t": ["co2-laser", "microneedling"], "first": "microneedling"})
    assert response["Location"] == "/compare/microneedling-vs-co2-laser/"


def test_any_order_is_shown_in_that_order_with_the_alphabetical_url_as_canonical(
    client: Client, three: None
) -> None:
    response = client.get("/compare/microneedling-vs-mesotherapy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index('<th scope="col"><a href="/treatments/microneedling/">') < html.index(
        '<th scope="col"><a href="/treatments/mesotherapy/">'
    )
    assert 'rel="canonical" href="http://testserver/compare/mesotherapy-vs-microneedling/"' in html


def test_only_meaningful_differences_are_marked(client: Client, db: None) -> None:
    TreatmentFactory.create(
        name="Alpha",
        slug="alpha",
        pain_score=3,
        price_gbp_min=100,
        price_gbp_max=200,
        sessions_min=1,
        sessions_max=1,
    )
    TreatmentFactory.create(
        name="Beta",
        slug="beta",
        pain_score=4,
        price_gbp_min=150,
        price_gbp_max=300,
        sessions_min=3,
        sessions_max=6,
    )
    html = client.get("/compare/alpha-vs-beta/").content.decode()
    assert (
        '<tr class="compare-row compare-row--pain">' in html
    )  # 3 and 4 out of 10: within what people report
    assert '<tr class="compare-row compare-row--price">' in html  # £100–£200 and £150–£300 overlap
    assert '<tr class="compare-row compare-row--sessions differs">' in html  # 1 against 3–6
    assert '<tr class="compare-row compare-row--concerns">' in html  # a list that tells, not a difference
    assert "Differs" not in html  # the marker is a plain word now: "Different"


def test_the_comparison_adds_the_cost_of_a_course_and_of_a_year_of_maintenance(
    client: Client, db: None
) -> None:
    TreatmentFactory.create(
        name="Toxin",
        slug="toxin",
        price_gbp_min=200,
        price_gbp_max=300,
        sessions_min=1,
        sessions_max=1,
        results_months_min=3,
        results_months_max=4,
    )
    TreatmentFactory.create(
        name="Laser",
        slug="laser",
        price_gbp_min=100,
        price_gbp_max=150,
        sessions_min=3,
        sessions_max=5,
        results_months_min=None,
        results_months_max=None,
    )
    html = client.get("/compare/toxin-vs-laser/").content.decode()
    assert '<td data-label="Toxin">£200–£300 (1 session)</td>' in html
    assert '<td data-label="Laser">£300–£750 (3–5 sessions)</td>' in html
    # Results last 3–4 months: 3–4 sessions a year, at £200–£300 each.
    assert '<td data-label="Toxin">£600–£1,200 (3–4 sessions a year)</td>' in html
    assert '<td data-label="Laser">Usually none: results are long-lasting</td>' in html
    assert 'href="/clinics/?treatment=toxin">Clinics for Toxin</a>' in html
    assert 'href="/clinics/?treatment=laser">Clinics for Laser</a>' in html


def test_the_comparison_shows_facts_side_by_side_and_marks_differences(client: Client, three: None) -> None:
    response = client.get("/compare/co2-laser-vs-mesotherapy-vs-microneedling/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>CO2 laser <span" in html
    assert '<tr class="compare-row compare-row--downtime differs">' in html
    assert '<tr class="compare-row compare-row--sessions">' in html  # same for all three
    assert '<td data-label="Mesotherapy">None</td>' in html
    assert '<td data-label="CO2 laser">5–14 days</td>' in html
    assert (
        'rel="canonical" href="http://testserver/compare/co2-laser-vs-mesotherapy-vs-microneedling/"' in html
    )


def test_the_chooser_pre_ticks_the_treatment_it_came_from(client: Client, three: None) -> None:
    html = client.get("/compare/?with=microneedling").content.decode()
    assert 'value="microneedling" id="id_t_2" checked' in html
    assert html.count("checked") == 1


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/compare/mesotherapy/", 400, "Choose at least two treatments"),
        ("/compare/mesotherapy-vs-mesotherapy/", 400, "repeated: mesotherapy"),
        ("/compare/a-vs-b-vs-c-vs-d-vs-e/", 400, "up to 4 treatments"),
        ("/compare/mesotherapy-vs-/", 400, "not complete"),
        ("/compare/mesotherapy-vs-nonsense/", 404, "We have no treatment called “nonsense”"),
        ("/compare/draft-vs-mesotherapy/", 404, "We have no treatment called “draft”"),
        ("/compare/?t=mesotherapy", 400, "Choose at least two treatments"),
        ("/compare/?t=mesotherapy&t=mesotherapy", 400, "repeated: mesotherapy"),
        ("/compare/?t=mesotherapy&t=ghost", 400, "We have no treatment called “ghost”"),
        ("/compare/?t=", 400, "We have no treatment called"),
    ],
)
def test_bad_comparisons_get_a_clear_message(
    client: Client, three: None, path: str, status: int, message: str
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert message in response.content.decode()
    assert 'name="t"' in response.content.decode()  # the chooser is there to try again


def test_too_many_ticked_keeps_the_ticks(client: Client, db: None) -> None:
    for n in range(5):
        TreatmentFactory.create(slug=f"t{n}", name=f"T{n}")
    response = client.get("/compare/", {"t": [f"t{n}" for n in range(5)]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "up to 4 treatments" in html
    assert html.count("checked") == 5


@pytest.mark.parametrize("value", naughty_strings()[::5])
def test_naughty_compare_addresses_never_cause_a_500(client: Client, three: None, value: str) -> None:
    assert client.get("/compare/", {"t": [value, "mesotherapy"]}).status_code in (302, 400)
    # 301: a "#" or "?" in the value cuts the path, and the rest gets its slash appended.
    assert client.get(f"/compare/{value.replace('/', '')}-vs-mesotherapy/").status_code in (
        200,
        301,
        400,
        404,
    )


def test_the_comparison_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries) -> None:
    for slug in ("a", "b", "c", "d"):
        full_treatment(n_each=1 if slug in "ab" else 5, slug=slug, name=slug.upper())
    with django_assert_num_queries(3):
        assert client.get("/compare/a-vs-b/").status_code == 200
    with django_assert_num_queries(3):
        assert client.get("/compare/a-vs-b-vs-c-vs-d/").status_code == 200
