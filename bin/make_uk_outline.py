#!/usr/bin/env python3
"""Build cosmediclist/directory/map_data/uk_outline.json from Natural Earth's 1:50m countries.

Run once by hand, with the npm package world-atlas 2.0.2 (Natural Earth 4.1.0 as TopoJSON)
unpacked somewhere: ``bin/make_uk_outline.py path/to/world-atlas/countries-50m.json``.
The output holds rings of (longitude, latitude) rounded to 0.01 degree and simplified with
Douglas-Peucker: a few kilobytes, enough for a locator map. Nothing is fetched at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# ISO 3166 numeric codes: the UK, the Isle of Man, Ireland (drawn paler, for context), and the
# Channel Islands.
KEEP = {"826": "uk", "833": "uk", "831": "uk", "832": "uk", "372": "ireland"}
TOLERANCE = 0.02  # degrees: about 2 km, finer than one pixel of the whole-UK map
OUT = Path(__file__).resolve().parent.parent / "cosmediclist/directory/map_data/uk_outline.json"

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    return float(abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    if len(points) < 3:
        return points
    index, worst = 0, 0.0
    for i in range(1, len(points) - 1):
        d = _distance(points[i], points[0], points[-1])
        if d > worst:
            index, worst = i, d
    if worst <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    out: dict[str, list[list[list[float]]]] = {"uk": [], "ireland": []}
    for geometry in topology["objects"]["countries"]["geometries"]:
        group = KEEP.get(str(geometry.get("id")))
        if group is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            outer = simplify(ring(arcs, polygon[0]), TOLERANCE)
            if len(outer) >= 4:
                out[group].append([[round(x, 2), round(y, 2)] for x, y in outer])
    document = {
        "source": "Natural Earth 1:50m Admin 0 countries, version 4.1.0, via the npm package world-atlas 2.0.2",
        "licence": "Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).",
        "simplified": f"Douglas-Peucker, tolerance {TOLERANCE} degree; coordinates rounded to 0.01 degree",
        **out,
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    sys.stdout.write(f"{OUT}: {sum(len(r) for rings in out.values() for r in rings)} points\n")


if __name__ == "__main__":
    main(sys.argv[1])
