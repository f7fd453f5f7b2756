"""Rebuild outcodes.csv: one row per postcode district with the median position of its postcodes.

Input: a folder of CSV files with the columns ``Postcode,lat,long``, one row per live postcode, as
derived from the ONS National Statistics Postcode Lookup (NSPL). Postcodes without a position and
those of Northern Ireland (BT), the Channel Islands and the Isle of Man (GY, JE, IM), whose data
come under other terms, are left out. Run: ``python build_outcodes.py FOLDER > outcodes.csv``.
"""

from __future__ import annotations

import csv
import statistics
import sys
from pathlib import Path

EXCLUDED_AREAS = ("BT", "GY", "JE", "IM")


def area(outcode: str) -> str:
    return "".join(ch for ch in outcode if ch.isalpha())[:2] if outcode[1:2].isalpha() else outcode[:1]


def build(folder: Path) -> list[tuple[str, float, float, int]]:
    points: dict[str, tuple[list[float], list[float]]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="") as handle:
            for row in csv.DictReader(handle):
                postcode = "".join(row["Postcode"].split()).upper()
                if len(postcode) < 5 or not row["lat"] or not row["long"]:
                    continue
                lat, lng = float(row["lat"]), float(row["long"])
                if not (49 < lat < 61 and -9 < lng < 2):
                    continue
                outcode = postcode[:-3]
                if area(outcode) in EXCLUDED_AREAS:
                    continue
                lats, lngs = points.setdefault(outcode, ([], []))
                lats.append(lat)
                lngs.append(lng)
    return [
        (outcode, round(statistics.median(lats), 4), round(statistics.median(lngs), 4), len(lats))
        for outcode, (lats, lngs) in sorted(points.items())
    ]


if __name__ == "__main__":
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["outcode", "latitude", "longitude", "postcodes"])
    writer.writerows(build(Path(sys.argv[1])))
