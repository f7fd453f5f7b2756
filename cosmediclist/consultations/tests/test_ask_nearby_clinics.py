"""The multi-clinic form offers the clinics nearest the reader, with distance, price and reply time."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import clinic_offering
from tests.corpora import naughty_strings

LEEDS, LONDON = (53.7997, -1.5492), (51.5074, -0.1278)


def offered(response) -> list[str]:
    return re.findall(r"Send my request to ([^,]+), ", response.content.decode())


def test_the_nearest_clinics_come_first_with_distance_price_and_reply_time(client: Client, treatment) -> None:
    clinic_offering(treatment, name="Leeds Skin", town="Leeds", latitude=LEEDS[0], longitude=LEEDS[1])
    london = clinic_offering(
        treatment, name="London Skin", town="London", latitude=LONDON[0], longitude=LONDON[1]
    )
    Clinic.objects.filter(pk=london.pk).update(median_response_hours=3)
    response = client.get(f"/treatments/{treatment.slug}/consultation/", {"near": "Leeds"})
    assert response.status_code == 200
    # London is over 100 km from Leeds: only the clinics near the reader are offered, not the whole country.
    assert offered(response) == ["Leeds Skin"]
    html = response.content.decode()
    assert re.search(
        r"Send my request to Leeds Skin, Leeds \(0\.\d miles away; from £150 per session\)", html
    )
    assert "nearest to Leeds" in html
    response = client.get(f"/treatments/{treatment.slug}/consultation/", {"near": "London"})
    label = re.search(r"Send my request to London Skin[^)]*\)\.", response.content.decode())
    assert label is not None
    assert re.fullmatch(
        r"Send my request to London Skin, London \(0\.\d miles away; from £150 per session; "
        r"replies: usually within 3 hours\)\.",
        label[0],
    )


def test_at_most_ten_clinics_are_offered_and_a_town_can_narrow_them(client: Client, treatment) -> None:
    for n in range(12):
        clinic_offering(treatment, name=f"Clinic {n:02}", slug=f"clinic-{n:02}")
    html = client.get(f"/treatments/{treatment.slug}/consultation/").content.decode()
    assert html.count("Send my request to") == 10
    assert 'name="near"' in html and "Give your town to see the nearest instead." in html


def test_an_unknown_town_says_so_and_still_offers_clinics(client: Client, treatment, clinic) -> None:
    response = client.get(f"/treatments/{treatment.slug}/consultation/", {"near": "Manchestre"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We could not find “Manchestre”" in html
    assert 'value="Manchestre"' in html  # what was typed stays
    assert len(offered(response)) == 1


def test_the_page_runs_a_fixed_number_of_queries(
    client: Client, treatment, django_assert_num_queries
) -> None:
    for extra in (2, 9):
        for n in range(extra):
            clinic_offering(treatment, slug=f"q-{extra}-{n}", name=f"Q {extra} {n}")
        with django_assert_num_queries(11):
            assert (
                client.get(f"/treatments/{treatment.slug}/consultation/", {"near": "Manchester"}).status_code
                == 200
            )


@pytest.mark.parametrize("value", naughty_strings()[:60])
def test_naughty_places_never_give_a_500(client: Client, treatment, value: str) -> None:
    assert client.get(f"/treatments/{treatment.slug}/consultation/", {"near": value}).status_code == 200
