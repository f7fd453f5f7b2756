"""Locator maps: drawn by the site from the Natural Earth outline, markers that lead to the list."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

from django.test import Client

from cosmediclist.directory import maps
from cosmediclist.directory.tests.factories import LONDON, ClinicFactory, OfferFactory


def test_the_outline_is_kept_with_its_source_and_licence() -> None:
    data = json.loads(maps.OUTLINE.read_text())
    assert "Natural Earth" in data["source"]
    assert "public domain" in data["licence"]
    paths = maps.outline()
    assert paths["uk"].startswith("M") and paths["uk"].count("Z") == len(data["uk"])


def test_a_marker_lands_inside_the_window_that_holds_it() -> None:
    london = maps.marker(*LONDON, "London")
    x, y, width, height = (float(n) for n in maps.locator_map([london]).view_box.split())
    assert x < london.x < x + width
    assert y < london.y < y + height
    # The whole UK when there is nothing to mark: Shetland (60.2 N) and the Scilly Isles (49.9 N) both fit.
    x, y, width, height = (float(n) for n in maps.locator_map([]).view_box.split())
    assert y < maps.project(60.2, -1.2)[1] < y + height
    assert y < maps.project(49.9, -6.3)[1] < y + height


def test_search_results_map_has_one_marker_per_clinic_linking_to_its_card(
    client: Client, clinic, other_clinic, treatment
) -> None:
    near = ClinicFactory.create(name="Salford Skin", slug="salford-skin", latitude=53.49, longitude=-2.29)
    OfferFactory.create(clinic=near, treatment=treatment)
    page = client.get("/clinics/?treatment=mesotherapy&near=Manchester").content.decode()
    svg = re.search(r'<svg class="locator-map__svg".*?</svg>', page, re.S)
    assert svg is not None
    targets = re.findall(
        r'<a href="#(clinic-\d+)" class="locator-map__marker" aria-label="(\d+)\. ([^"]+)"', svg[0]
    )
    # The list equivalent: every marker names a clinic and leads to that clinic's heading in the list.
    assert [(n, label) for _, n, label in targets] == [
        ("1", "Wellcare Medical Centre, Manchester"),
        ("2", "Salford Skin, Manchester"),
    ]
    for anchor, _, _ in targets:
        assert f'id="{anchor}" class="clinic-card__name"' in page
    assert svg[0].count('class="locator-map__place"') == 1
    assert "The diamond marks Manchester." in page
    assert "Natural Earth (public domain)" in page


def test_no_map_without_results(client: Client, treatment) -> None:
    page = client.get("/clinics/?treatment=mesotherapy&near=Manchester").content.decode()
    assert "locator-map" not in page


def test_clinic_page_shows_where_it_is_and_links_directions_to_its_address(client: Client, clinic) -> None:
    page = client.get(clinic.get_absolute_url()).content.decode()
    assert "Coordinates:" not in page  # schema.org keeps its GeoCoordinates; readers get a map
    assert 'role="img" aria-label="Map: Wellcare Medical Centre in Manchester"' in page
    href = re.search(r'<a class="button button--secondary" href="([^"]+)"[^>]*>Get directions', page)
    assert href is not None
    url = urlsplit(href[1].replace("&amp;", "&"))
    assert (url.scheme, url.netloc) == ("https", "www.google.com")
    assert parse_qs(url.query)["destination"] == [f"Wellcare Medical Centre, {clinic.full_address}"]
    assert f"mlat={clinic.latitude:.5f}" in page
    # Nothing on the page is loaded from another host: the map is inline, its links are plain links.
    assert not re.search(r'(src|srcset|xlink:href)="(https?:)?//', page)
    assert "<svg" in page and '<script src="http' not in page
