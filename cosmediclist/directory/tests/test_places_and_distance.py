"""Place names resolved offline (UK first) and distances: bounding box, then exact haversine."""

from __future__ import annotations

import pytest

from cosmediclist.directory import geo, places
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import MANCHESTER, ClinicFactory
from tests.corpora import naughty_strings


@pytest.mark.parametrize("typed", ["Manchester", "manchester", "  MANCHESTER  "])
def test_a_uk_town_resolves_whatever_its_case(typed: str) -> None:
    place = places.resolve(typed).place
    assert place is not None
    assert place.name == "Manchester"
    assert place.country == "GB"
    assert round(place.latitude, 2) == 53.48


def test_uk_towns_win_over_namesakes_abroad() -> None:
    for name in ("Birmingham", "Manchester", "Cambridge", "Perth", "Richmond"):
        place = places.resolve(name).place
        assert place is not None, name
        assert place.country == "GB", name


def test_an_alternate_name_finds_the_uk_town() -> None:
    place = places.resolve("Caerdydd").place
    assert place is not None
    assert place.name == "Cardiff"


def test_a_town_abroad_resolves_when_nothing_in_the_uk_is_close() -> None:
    place = places.resolve("Reykjavik").place
    assert place is not None
    assert place.country == "IS"


def test_a_misspelling_gets_uk_suggestions_and_no_place() -> None:
    resolution = places.resolve("Manchster")
    assert resolution.place is None
    assert resolution.suggestions[0] == "Manchester"


def test_odd_input_finds_nothing_and_never_raises() -> None:
    for text in ["", "   ", "x" * 10_000, "\x00\r\n", *naughty_strings()]:
        places.resolve(text)
    assert places.resolve("").place is None


def test_the_gazetteer_is_read_once() -> None:
    assert places.gazetteer() is places.gazetteer()


def test_haversine_manchester_to_london_is_about_262_km() -> None:
    assert 260 < geo.haversine_km(*MANCHESTER, 51.50853, -0.12574) < 264


def test_bounding_box_holds_every_point_within_the_radius() -> None:
    box = geo.bounding_box(*MANCHESTER, 10)
    assert box.min_lat < MANCHESTER[0] - 0.089 < box.max_lat
    assert box.min_lng < MANCHESTER[1] - 0.149 < box.max_lng


def test_near_keeps_only_clinics_within_the_exact_distance(db: None) -> None:
    lat, lng = MANCHESTER
    inside = ClinicFactory.create(name="Nine km north", latitude=lat + 9 / 111.2, longitude=lng)
    ClinicFactory.create(name="Eleven km north", latitude=lat + 11 / 111.2, longitude=lng)
    # In the bounding box's corner but more than 10 km away on the diagonal.
    ClinicFactory.create(name="Corner", latitude=lat + 8 / 111.2, longitude=lng + 0.13)
    ClinicFactory.create(name="Here", latitude=lat, longitude=lng)
    found = Clinic.objects.near(lat, lng, 10)
    assert [c.name for c in found] == ["Here", "Nine km north"]
    assert found[0].distance_km == pytest.approx(0, abs=0.01)
    assert found[1].distance_km == pytest.approx(9, abs=0.1)
    assert inside in found


def test_offering_and_verified_chain(db: None, treatment) -> None:
    from cosmediclist.directory.tests.factories import OfferFactory

    offered = ClinicFactory.create()
    OfferFactory.create(clinic=offered, treatment=treatment)
    ClinicFactory.create()
    hidden = ClinicFactory.create(is_verified=False, verified_at=None)
    OfferFactory.create(clinic=hidden, treatment=treatment)
    assert list(Clinic.objects.verified().offering(treatment)) == [offered]


def test_the_shipped_place_list_is_what_the_gazetteer_gives() -> None:
    from cosmediclist.directory.data import build_places

    shipped = places.PLACES.read_text(encoding="utf-8").splitlines()
    assert shipped[0].split("\t") == list(build_places.HEADER)
    assert [line.split("\t") for line in shipped[1:]] == [list(row) for row in build_places.rows()]
