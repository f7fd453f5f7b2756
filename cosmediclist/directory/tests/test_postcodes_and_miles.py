"""UK readers' clinic search: postcodes and districts, miles by default, the way back to the results."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from cosmediclist.directory import places
from cosmediclist.directory.tests.factories import ClinicFactory, OfferFactory
from cosmediclist.directory.views import search_query
from tests.corpora import naughty_strings


def names(response) -> list[str]:
    return re.findall(r'class="clinic-card__name"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.parametrize(
    ("typed", "label", "district"),
    [
        ("M1 1AE", "M1 1AE", "M1"),
        ("m11ae", "M1 1AE", "M1"),
        ("LS1", "LS1", "LS1"),
        ("sw1a 1aa", "SW1A 1AA", "SW1A"),
    ],
)
def test_a_postcode_or_district_is_placed_at_its_district_centre(
    typed: str, label: str, district: str
) -> None:
    place = places.resolve(typed).place
    assert place is not None
    assert (place.name, place.postcode_district) == (label, district)


def test_the_district_centres_are_where_the_districts_are() -> None:
    m1, ls1 = places.outcodes()["M1"], places.outcodes()["LS1"]
    assert round(m1[0], 1) == 53.5 and round(m1[1], 1) == -2.2  # Manchester city centre
    assert round(ls1[0], 1) == 53.8 and round(ls1[1], 1) == -1.6  # Leeds city centre
    assert 2_900 < len(places.outcodes()) < 3_100


def test_a_postcode_search_finds_clinics_near_it_in_miles(client: Client, clinic, other_clinic) -> None:
    response = client.get("/clinics/", {"near": "M1 1AE"})
    assert response.status_code == 200
    assert names(response) == ["Wellcare Medical Centre"]
    page = response.content.decode()
    assert "1 clinic within 15 miles of M1 1AE" in page
    assert "from the centre of postcode district M1" in page
    assert re.search(r"0\.\d miles away", page)
    assert "Open Government Licence" in page


def test_a_postcode_district_alone_works_too(client: Client, db) -> None:
    leeds = ClinicFactory.create(name="Leeds Skin Studio", town="Leeds", latitude=53.7997, longitude=-1.5492)
    OfferFactory.create(clinic=leeds)
    response = client.get("/clinics/", {"near": "LS1"})
    assert names(response) == ["Leeds Skin Studio"]
    assert "within 15 miles of LS1" in response.content.decode()


def test_an_unknown_postcode_is_said_plainly(client: Client, db) -> None:
    for typed in ("BT1 1AA", "ZZ9 9ZZ"):
        response = client.get("/clinics/", {"near": typed})
        assert response.status_code == 200
        page = response.content.decode()
        assert f"We could not find the postcode district of “{typed}”" in page
        assert "We could not find a town called" not in page
        assert f'value="{typed}"' in page


def test_kilometres_are_a_choice_kept_in_the_url(client: Client, clinic, other_clinic) -> None:
    response = client.get("/clinics/", {"near": "Manchester", "radius": "50", "units": "km"})
    page = response.content.decode()
    assert "within 50 km of Manchester" in page
    assert "0.0 km away" in page
    assert '<option value="km" selected>' in page
    assert "units%3Dkm" in page  # the clinic links carry the choice back


def test_miles_by_default_and_the_radius_is_in_miles(client: Client, db) -> None:
    # 20 km (12.4 miles) north of Manchester: inside 15 miles, outside 10 miles.
    far = ClinicFactory.create(name="Twenty Km Clinic", latitude=53.48095 + 20 / 111.2, longitude=-2.23743)
    OfferFactory.create(clinic=far)
    assert names(client.get("/clinics/", {"near": "Manchester"})) == ["Twenty Km Clinic"]
    assert names(client.get("/clinics/", {"near": "Manchester", "radius": "10"})) == []
    page = client.get("/clinics/", {"near": "Manchester"}).content.decode()
    assert "12.4 miles away" in page
    assert '<option value="mi" selected>' in page


def test_a_link_from_before_miles_keeps_its_kilometres(client: Client, clinic) -> None:
    assert "within 25 km of Manchester" in client.get("/clinics/?near=Manchester&radius=25").content.decode()


def test_the_clinic_page_leads_back_to_the_same_results(client: Client, clinic) -> None:
    page = client.get(
        "/clinics/", {"treatment": "mesotherapy", "near": "M1 1AE", "units": "km"}
    ).content.decode()
    link = re.search(r'class="clinic-card__name"><a href="([^"]+)"', page)
    assert link is not None
    href = link.group(1).replace("&amp;", "&")
    profile = client.get(href).content.decode()
    back = re.search(r'<a href="([^"]+)">Back to your results</a>', profile)
    assert back is not None
    target = urlsplit(back.group(1).replace("&amp;", "&"))
    assert target.path == "/clinics/"
    assert parse_qs(target.query) == {
        "treatment": ["mesotherapy"],
        "near": ["M1 1AE"],
        "units": ["km"],
        "radius": ["25"],
    }
    assert "Back to the clinic search" in client.get(clinic.get_absolute_url()).content.decode()


def test_the_back_link_only_ever_leads_to_the_clinic_search(client: Client, clinic) -> None:
    for raw in [
        "//evil.example/",
        "next=https://evil.example",
        "near=<script>",
        "\x00",
        *naughty_strings()[::5],
    ]:
        response = client.get(clinic.get_absolute_url(), {"search": raw})
        assert response.status_code == 200
        for href in re.findall(r'<a href="([^"]+)">Back to', response.content.decode()):
            assert href.startswith("/clinics/"), href
            assert "<" not in href
    assert search_query("near=Leeds&evil=1&units=km") == "near=Leeds&units=km"


def test_the_phone_layout_puts_filters_behind_a_disclosure_open_on_errors(client: Client, db) -> None:
    page = client.get("/clinics/", {"near": "Leeds"}).content.decode()
    assert re.search(
        r'<details class="clinic-search__filters" data-filters>\s*<summary>Filters</summary>', page
    )
    with_filters = client.get(
        "/clinics/", {"near": "Leeds", "weekend": "on", "price_max": "300"}
    ).content.decode()
    assert "<summary>Filters (2 on)</summary>" in with_filters
    bad = client.get("/clinics/", {"near": "Leeds", "price_max": "cheap"})
    assert bad.status_code == 400
    assert '<details class="clinic-search__filters" data-filters open>' in bad.content.decode()


def test_naughty_units_and_radius_get_a_clear_message(client: Client, db) -> None:
    for text in naughty_strings()[::9]:
        response = client.get("/clinics/", {"near": "Leeds", "units": text, "radius": "15"})
        assert response.status_code in (200, 400), text
        if response.status_code == 400:
            assert 'id="id_units_error"' in response.content.decode()
