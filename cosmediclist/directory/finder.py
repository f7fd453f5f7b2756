"""The directory search: which verified clinics match, how far away, in which order."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from cosmediclist.catalog.models import Treatment
from cosmediclist.directory import geo
from cosmediclist.directory.models import WEEKEND, Clinic, ClinicQuerySet, Offer, OpeningHours, Practitioner
from cosmediclist.directory.places import Place
from cosmediclist.reviews.rating import bayesian_score

PER_PAGE = 20
DEFAULT_RADIUS_KM = 25


@dataclass(frozen=True)
class Criteria:
    treatments: list[Treatment] | None = None  # None: any treatment; []: nothing can match
    place: Place | None = None
    radius_km: int = DEFAULT_RADIUS_KM
    sort: str = ""
    price_min: int | None = None
    price_max: int | None = None
    verified_only: bool = False
    weekend: bool = False


@dataclass
class Results:
    clinics: list[Clinic] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    sort: str = "rating"


def _offers(criteria: Criteria) -> Any:
    offers = Offer.objects.filter(clinic=OuterRef("pk"))
    if criteria.treatments is not None:
        offers = offers.filter(treatment__in=criteria.treatments)
    return offers


def matching(criteria: Criteria) -> ClinicQuerySet:
    """Verified clinics that pass every filter, annotated with ``price_key`` (their lowest price)."""
    queryset = Clinic.objects.verified()
    if criteria.treatments is not None:
        queryset = queryset.offering(criteria.treatments)
    if criteria.price_min is not None or criteria.price_max is not None:
        priced = _offers(criteria)
        if criteria.price_max is not None:
            priced = priced.filter(price_from_gbp__lte=criteria.price_max)
        if criteria.price_min is not None:
            priced = priced.annotate(upper=Coalesce("price_to_gbp", "price_from_gbp")).filter(
                upper__gte=criteria.price_min
            )
        queryset = queryset.filter(Exists(priced))
    if criteria.verified_only:
        checked = Practitioner.objects.filter(clinic=OuterRef("pk"), is_registration_verified=True)
        queryset = queryset.filter(Exists(checked))
    if criteria.weekend:
        queryset = queryset.filter(
            Exists(OpeningHours.objects.filter(clinic=OuterRef("pk"), weekday__in=WEEKEND))
        )
    cheapest = _offers(criteria).order_by("price_from_gbp").values("price_from_gbp")[:1]
    return queryset.annotate(price_key=Subquery(cheapest), rating_score=bayesian_score())


# The columns fetched per candidate when searching around a place; the distance is added last.
# "rating_score" is the Bayesian average published on the review policy page (reviews.rating).
_COLUMNS = ("pk", "latitude", "longitude", "price_key", "rating_score", "name", "median_response_hours")
PRICE, RATING, NAME, RESPONSE, DISTANCE = 3, 4, 5, 6, 7


def _sort_key(sort: str) -> Any:
    """Unknown values (no price, no rating, no response time yet) sort last; then nearest, then name."""
    if sort == "price":
        return lambda row: (row[PRICE] is None, row[PRICE] or 0, row[DISTANCE], row[NAME])
    if sort == "rating":
        return lambda row: (row[RATING] is None, -(row[RATING] or 0), row[DISTANCE], row[NAME])
    if sort == "response":
        return lambda row: (row[RESPONSE] is None, row[RESPONSE] or 0, row[DISTANCE], row[NAME])
    return lambda row: (row[DISTANCE], row[NAME])


def find(criteria: Criteria, *, page: int = 1, per_page: int = PER_PAGE) -> Results:
    """One page of results, in a fixed number of queries whatever the number of clinics.

    With a place, the bounding box (indexed) picks candidates, the exact distance drops those
    beyond the radius, and sorting happens in Python over the few columns fetched; then only
    the page's clinics are loaded with their offers and practitioners.
    """
    queryset = matching(criteria)
    sort = criteria.sort or ("distance" if criteria.place else "rating")
    place = criteria.place
    if place is None:
        counts = queryset.aggregate(total=Count("pk"), rated=Count("pk", filter=Q(rating_count__gt=0)))
        if not criteria.sort and not counts["rated"]:
            sort = "name"  # no clinic here has a review yet: rating order would be meaningless
        ordering: list[Any] = {
            "price": [F("price_key").asc(nulls_last=True), "name"],
            "rating": [F("rating_score").desc(nulls_last=True), "-rating_count", "name"],
            "response": [F("median_response_hours").asc(nulls_last=True), "name"],
        }.get(sort, ["name"])
        total = counts["total"]
        pages = max(1, math.ceil(total / per_page))
        page = min(max(1, page), pages)
        start = (page - 1) * per_page
        clinics = list(queryset.for_cards(criteria.treatments).order_by(*ordering)[start : start + per_page])
        return Results(clinics, total, page, pages, sort)
    rows = []
    candidates = queryset.in_box(place.latitude, place.longitude, criteria.radius_km).values_list(*_COLUMNS)
    for row in candidates:
        distance = geo.haversine_km(place.latitude, place.longitude, row[1], row[2])
        if distance <= criteria.radius_km:
            rows.append((*row, distance))
    rows.sort(key=_sort_key(sort))
    total = len(rows)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    chosen = rows[(page - 1) * per_page : page * per_page]
    if not chosen:
        return Results([], total, page, pages, sort)
    loaded = Clinic.objects.for_cards(criteria.treatments).in_bulk([row[0] for row in chosen])
    clinics = []
    for row in chosen:
        clinic = loaded[row[0]]
        clinic.distance_km = row[DISTANCE]
        clinics.append(clinic)
    return Results(clinics, total, page, pages, sort)


def nearest_offering(treatment: Treatment, *, place: Place | None, limit: int) -> list[Clinic]:
    """Verified clinics offering the treatment: the nearest first (within 100 km) when a place is given."""
    criteria = Criteria(
        treatments=[treatment], place=place, radius_km=100, sort="distance" if place else "rating"
    )
    return find(criteria, per_page=limit).clinics
