"""The clinic search page: treatment, concern, place or position, filters, sorting, bad input."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client

from cosmediclist.catalog.tests.factories import ConcernFactory, TreatmentConcernFactory, TreatmentFactory
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import ClinicFactory, OfferFactory, PractitionerFactory, hours
from tests.corpora import lines, naughty_strings


def names(response) -> list[str]:
    return re.findall(r'class="clinic-card__name"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_search_by_treatment_shows_only_clinics_that_offer_it(client: Client, clinic, other_clinic) -> None:
    peel = TreatmentFactory.create(name="Chemical peel", slug="chemical-peel")
    only_peel = ClinicFactory.create(name="Peel Only Clinic")
    OfferFactory.create(clinic=only_peel, treatment=peel)
    response = client.get("/clinics/?treatment=mesotherapy")
    assert response.status_code == 200
    assert sorted(names(response)) == ["Thames Skin Rooms", "Wellcare Medical Centre"]
    page = response.content.decode()
    assert "£180–£220 per session" in page
    assert "Dr Amara Ashdown, Aesthetic doctor: GMC DEMO" in page


def test_search_by_concern_finds_clinics_offering_a_treatment_that_helps(
    client: Client, clinic, treatment
) -> None:
    hair_loss = ConcernFactory.create(name="Hair loss", slug="hair-loss")
    TreatmentConcernFactory.create(treatment=treatment, concern=hair_loss)
    unrelated = ConcernFactory.create(name="Unwanted hair", slug="unwanted-hair")
    assert names(client.get("/clinics/?concern=hair-loss")) == ["Wellcare Medical Centre"]
    assert names(client.get("/clinics/?concern=unwanted-hair")) == []
    assert unrelated.pk


def test_search_near_a_place_lists_nearby_clinics_nearest_first_with_distance(
    client: Client, clinic, other_clinic
) -> None:
    farther = ClinicFactory.create(name="Salford Quays Clinic", latitude=53.4715, longitude=-2.2960)
    OfferFactory.create(clinic=farther)
    response = client.get("/clinics/?near=Manchester&radius=25")
    assert names(response) == ["Wellcare Medical Centre", "Salford Quays Clinic"]
    page = response.content.decode()
    assert "0.0 km away" in page
    assert re.search(r"[34]\.\d km away", page)
    assert "within 25 km of Manchester" in page


def test_search_by_browser_position_uses_lat_and_lng(client: Client, clinic, other_clinic) -> None:
    response = client.get("/clinics/?lat=51.5&lng=-0.12&radius=10")
    assert names(response) == ["Thames Skin Rooms"]
    assert "your location" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "suggested"), [("Manchster", "Manchester"), ("Liverpol", "Liverpool"), ("cardif", "Cardiff")]
)
def test_a_misspelt_place_gets_did_you_mean_suggestions(client: Client, db, typed, suggested) -> None:
    response = client.get(f"/clinics/?near={typed}&treatment=")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"We could not find a town called “{typed}”" in page
    assert re.search(rf'<a href="\?[^"]*near={suggested}[^"]*">{suggested}</a>', page)


def test_an_unknown_place_says_so_without_suggestions(client: Client, db) -> None:
    page = client.get("/clinics/?near=Qqqxzzv").content.decode()
    assert "We could not find a town called" in page
    assert "Did you mean" not in page


def test_naughty_strings_in_the_search_never_cause_a_500(client: Client, clinic) -> None:
    strings = naughty_strings()
    for text in strings:  # every string as a place: the part that does real work on free text
        assert client.get("/clinics/", {"near": text}).status_code in (200, 400), text
    for text in strings[::7]:  # a sample in every other parameter at once
        params = dict.fromkeys(
            ("treatment", "concern", "sort", "radius", "lat", "lng", "price_max", "page"), text
        )
        assert client.get("/clinics/", params).status_code in (200, 400), text


def test_sqli_and_xss_strings_in_the_clinic_search_never_cause_a_500(client: Client, clinic) -> None:
    strings = lines("sqli-generic.txt") + lines("xss-payloads-half.txt")[::25]
    for text in strings:
        params = dict.fromkeys(("near", "treatment", "concern", "sort", "price_min", "page"), text)
        assert client.get("/clinics/", params).status_code in (200, 400), text
        assert client.get("/clinics/", {"near": "Leeds", "page": text}).status_code == 200, text


def test_bad_numbers_get_400_with_the_message_by_the_field_and_values_kept(client: Client, db) -> None:
    response = client.get("/clinics/?near=Leeds&price_max=cheap&radius=7")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_price_max_error"' in page
    assert 'id="id_radius_error"' in page
    assert 'value="Leeds"' in page
    assert 'value="cheap"' in page


def test_price_filter_keeps_clinics_with_an_offer_in_range(client: Client, clinic, other_clinic) -> None:
    assert names(client.get("/clinics/?treatment=mesotherapy&price_max=100")) == ["Thames Skin Rooms"]
    assert names(client.get("/clinics/?treatment=mesotherapy&price_min=200")) == ["Wellcare Medical Centre"]
    response = client.get("/clinics/?price_min=300&price_max=100")
    assert response.status_code == 400
    assert "The upper price must be at least the lower one." in response.content.decode()


def test_sort_by_price_puts_the_cheapest_offer_first(client: Client, clinic, other_clinic) -> None:
    by_price = names(client.get("/clinics/?treatment=mesotherapy&sort=price"))
    assert by_price == ["Thames Skin Rooms", "Wellcare Medical Centre"]
    near = names(client.get("/clinics/?treatment=mesotherapy&near=Manchester&radius=100&sort=price"))
    assert near == ["Wellcare Medical Centre"]


def test_sort_by_rating_puts_unrated_clinics_last(client: Client, clinic, other_clinic) -> None:
    Clinic.objects.filter(pk=other_clinic.pk).update(rating_average=Decimal("4.80"), rating_count=12)
    unrated_first = ClinicFactory.create(name="Aardvark Clinic")
    OfferFactory.create(clinic=unrated_first)
    low = ClinicFactory.create(name="Low Rated Clinic", rating_average=Decimal("3.10"), rating_count=2)
    OfferFactory.create(clinic=low)
    expected = ["Thames Skin Rooms", "Low Rated Clinic", "Aardvark Clinic", "Wellcare Medical Centre"]
    assert names(client.get("/clinics/?sort=rating")) == expected
    near = names(client.get("/clinics/?near=Manchester&radius=25&sort=rating"))
    assert near == ["Low Rated Clinic", "Aardvark Clinic", "Wellcare Medical Centre"]


def test_verified_and_weekend_filters(client: Client, clinic, other_clinic) -> None:
    other_clinic.practitioners.update(is_registration_verified=False, registration_verified_at=None)
    assert names(client.get("/clinics/?verified=on")) == ["Wellcare Medical Centre"]
    assert names(client.get("/clinics/?weekend=on")) == ["Wellcare Medical Centre"]
    hours(other_clinic, [6])
    assert sorted(names(client.get("/clinics/?weekend=on"))) == [
        "Thames Skin Rooms",
        "Wellcare Medical Centre",
    ]


def test_unverified_clinics_are_hidden_from_search_and_their_page_is_404(client: Client, clinic) -> None:
    hidden = ClinicFactory.create(name="Not Yet Checked Clinic", is_verified=False, verified_at=None)
    OfferFactory.create(clinic=hidden)
    assert "Not Yet Checked Clinic" not in names(client.get("/clinics/"))
    assert "Not Yet Checked Clinic" not in names(client.get("/clinics/?near=Manchester"))
    assert client.get(f"/clinics/{hidden.slug}/").status_code == 404


def _crowd(count: int, treatment) -> None:
    for _ in range(count):
        crowd = ClinicFactory.create()
        offer = OfferFactory.create(clinic=crowd, treatment=treatment)
        offer.practitioners.add(
            PractitionerFactory.create(clinic=crowd), PractitionerFactory.create(clinic=crowd)
        )
        hours(crowd, [5])
        if crowd.pk % 2:  # half the crowd has a stored response time, half not yet
            type(crowd).objects.filter(pk=crowd.pk).update(median_response_hours=crowd.pk)


# Treatment and concern lookups, the two menus, the candidates (or count and page), then the page's
# clinics with their practitioners and offers. The response time is a
# column of the clinic: sorting by it or showing it on the cards costs no query.
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("/clinics/?treatment=mesotherapy&near=Manchester&sort=distance", 7),
        ("/clinics/?treatment=mesotherapy&sort=price", 7),
        ("/clinics/?treatment=mesotherapy&near=Manchester&sort=response", 7),
        ("/clinics/?sort=response", 6),  # no treatment to look up
        ("/clinics/?concern=hair-loss&near=Manchester&weekend=on&verified=on&price_max=500", 8),
    ],
)
def test_search_runs_a_fixed_number_of_queries_whatever_the_number_of_results(
    client: Client, clinic, treatment, django_assert_num_queries, query, expected
) -> None:
    TreatmentConcernFactory.create(
        treatment=treatment, concern=ConcernFactory.create(name="Hair loss", slug="hair-loss")
    )
    for extra in (2, 12):
        _crowd(extra, treatment)
        with django_assert_num_queries(expected):
            response = client.get(query)
        assert response.status_code == 200
        assert len(names(response)) >= 3


def test_results_are_paged_and_the_links_keep_the_search(client: Client, clinic, treatment) -> None:
    for n in range(21):
        OfferFactory.create(clinic=ClinicFactory.create(name=f"Paged Clinic {n:02d}"), treatment=treatment)
    first = client.get("/clinics/?treatment=mesotherapy&near=Manchester")
    assert len(names(first)) == 20
    page = first.content.decode()
    assert "Page 1 of 2" in page
    assert 'href="?treatment=mesotherapy&amp;near=Manchester&amp;page=2"' in page
    second = client.get("/clinics/?treatment=mesotherapy&near=Manchester&page=2")
    assert len(names(second)) == 2
    assert client.get("/clinics/?page=999").status_code == 200
