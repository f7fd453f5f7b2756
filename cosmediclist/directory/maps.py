"""Locator maps drawn by the site: a UK outline from Natural Earth (public domain), markers placed
server-side, rendered as inline SVG. No tiles, no script, no request to another host.

The outline (map_data/uk_outline.json, built by bin/make_uk_outline.py) is projected once per process
with a plain equirectangular projection scaled for the UK's latitude; a map is the window of that
drawing (an SVG viewBox) that holds its markers.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode

OUTLINE = Path(__file__).resolve().parent / "map_data" / "uk_outline.json"
UNITS_PER_DEGREE = 100.0
CENTRE_LATITUDE = 54.5
WEST, NORTH = -11.0, 61.0  # the drawing's origin
# The whole UK: used when there is nothing to show, and as the largest window.
UK_BOUNDS = (-8.4, 49.8, 2.0, 60.9)  # west, south, east, north
MIN_SPAN = 220.0  # viewBox units (about 2 degrees of latitude): enough coast to tell where a town is
REGION_SPAN = 520.0  # a clinic on its own: its region of the UK
PADDING = 0.18  # of the window's span, kept free around the markers
SIZE = 480  # CSS pixels of the longer side


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Degrees to the drawing's units: x east, y south."""
    scale = math.cos(math.radians(CENTRE_LATITUDE))
    return (longitude - WEST) * scale * UNITS_PER_DEGREE, (NORTH - latitude) * UNITS_PER_DEGREE


def _path(rings: list[list[list[float]]]) -> str:
    parts = []
    for ring in rings:
        points = [project(lat, lng) for lng, lat in ring]
        parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


@cache
def outline() -> dict[str, str]:
    """SVG path data of the UK and of Ireland (drawn paler, for context)."""
    data = json.loads(OUTLINE.read_text())
    return {"uk": _path(data["uk"]), "ireland": _path(data["ireland"])}


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    label: str  # what the marker stands for, in words
    number: int | None = None  # the clinic's position in the list beside the map
    href: str = ""  # where the marker leads: the clinic in the list, for keyboard users
    is_place: bool = False  # the place searched from, drawn as a diamond
    diamond: str = ""  # the place's path data, set by locator_map


@dataclass(frozen=True)
class Map:
    view_box: str
    width: int
    height: int
    radius: float
    font_size: float
    markers: list[Marker]
    paths: dict[str, str]


def _window(points: list[tuple[float, float]], min_span: float) -> tuple[float, float, float, float]:
    if not points:
        west, south, east, north = UK_BOUNDS
        (x0, y0), (x1, y1) = project(north, west), project(south, east)
        return x0, y0, x1 - x0, y1 - y0
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    span = max(width, height, min_span / (1 + 2 * PADDING))
    width, height = max(width, span), max(height, span)
    pad = PADDING * max(width, height)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return cx - width / 2 - pad, cy - height / 2 - pad, width + 2 * pad, height + 2 * pad


def locator_map(markers: list[Marker], *, min_span: float = MIN_SPAN) -> Map:
    """The smallest comfortable window of the UK that holds every marker (the whole UK if none);
    ``min_span`` (drawing units, 100 to a degree of latitude) keeps enough coast in view to place it."""
    x, y, width, height = _window([(m.x, m.y) for m in markers], min_span)
    longer = max(width, height)
    size = longer * 0.04
    markers = [
        replace(
            m,
            diamond=f"M{m.x:.2f} {m.y - size:.2f}l{size:.2f} {size:.2f}l-{size:.2f} {size:.2f}l-{size:.2f} -{size:.2f}z",
        )
        if m.is_place
        else m
        for m in markers
    ]
    return Map(
        view_box=f"{x:.1f} {y:.1f} {width:.1f} {height:.1f}",
        width=round(SIZE * width / longer),
        height=round(SIZE * height / longer),
        radius=round(longer * 0.04, 2),
        font_size=round(longer * 0.05, 2),
        markers=markers,
        paths=outline(),
    )


def marker(
    latitude: float,
    longitude: float,
    label: str,
    *,
    number: int | None = None,
    href: str = "",
    is_place: bool = False,
) -> Marker:
    x, y = project(latitude, longitude)
    return Marker(x=round(x, 2), y=round(y, 2), label=label, number=number, href=href, is_place=is_place)


def directions_url(address: str) -> str:
    """Directions to an address in the reader's own maps app or Google Maps (a plain link)."""
    return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": address})


def openstreetmap_url(latitude: float, longitude: float) -> str:
    """The spot on OpenStreetMap (a plain link)."""
    lat, lng = f"{latitude:.5f}", f"{longitude:.5f}"
    return (
        f"https://www.openstreetmap.org/?mlat={quote(lat)}&mlon={quote(lng)}#map=16/{quote(lat)}/{quote(lng)}"
    )
