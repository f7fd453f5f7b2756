"""Distances on the Earth's surface: the bounding box an index can use, then exact haversine."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344
UNITS = {"mi": "miles", "km": "km"}  # what readers choose; miles by default, as UK road signs


def to_km(distance: float, units: str) -> float:
    """A distance given in ``units`` ("mi" or "km"), in kilometres."""
    return distance * KM_PER_MILE if units == "mi" else float(distance)


def from_km(km: float, units: str) -> float:
    """A distance in kilometres, expressed in ``units`` ("mi" or "km")."""
    return km / KM_PER_MILE if units == "mi" else km


@dataclass(frozen=True)
class Box:
    min_lat: float
    max_lat: float
    min_lng: float
    max_lng: float


def bounding_box(lat: float, lng: float, km: float) -> Box:
    """The latitude/longitude rectangle that holds every point within ``km`` of the centre.

    Near the poles (or for a huge radius) the longitude span covers the whole circle.
    """
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    cos_lat = math.cos(math.radians(lat))
    dlng = 180.0 if cos_lat < 1e-6 else min(180.0, math.degrees(km / (EARTH_RADIUS_KM * cos_lat)))
    return Box(max(-90.0, lat - dlat), min(90.0, lat + dlat), lng - dlng, lng + dlng)


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
