"""The directory search: which verified clinics match, how far away, in which order."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from cosmediclist.catalog.models import Concern, Treatment
from cosmediclist.directory import geo
from cosmediclist.directory.models import WEEKEND, Clinic, ClinicQuerySet, Offer, OpeningHours, Practitioner
from cosmediclist.directory.places import Place
from cosmediclist.directory.rating import bayesian_score

PER_PAGE = 20
DEFAULT_RADIUS_KM = 25
# Clinics shown beside a treatment (its page, the site search): the nearest within 60 miles.
NEAREST_RADIUS_MILES = 60


@dataclass(frozen=True)
class Criteria:
    treatments: list[Treatment] | None = None  # None: any treatment; []: nothing can match
    place: Place | None = None
    radius_km: float = DEFAULT_RADIUS_KM
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


def chosen_treatments(treatment: Treatment | None, concern: Concern | None) -> list[Treatment] | None:
    """The treatments a search asks for: those for the concern (narrowed to the treatment when both
    are given), the one treatment, or None for any treatment. One query with a concern."""
    if concern is not None:
        treatments = list(Treatment.objects.published().filter(concern_links__concern=concern))
        if treatment is not None:
            treatments = [t for t in treatments if t.pk == treatment.pk]
        return treatments
    return None if treatment is None else [treatment]


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
# "rating_score" is the Bayesian average published on the review policy page (directory.rating).
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


_ORDERING: dict[str, list[Any]] = {
    "price": [F("price_key").asc(nulls_last=True), "name"],
    "rating": [F("rating_score").desc(nulls_last=True), "-rating_count", "name"],
    "response": [F("median_response_hours").asc(nulls_last=True), "name"],
}


def find(criteria: Criteria, *, page: int = 1, per_page: int = PER_PAGE) -> Results:
    """One page of results (a page past the last gives the last), in a fixed number of queries."""

    def window(total: int) -> tuple[int, int]:
        nonlocal page
        page = min(max(1, page), max(1, math.ceil(total / per_page)))
        return (page - 1) * per_page, page * per_page

    clinics, total, sort = search(criteria, window)
    return Results(clinics, total, page, max(1, math.ceil(total / per_page)), sort)


def search(criteria: Criteria, window: Callable[[int], tuple[int, int]]) -> tuple[list[Clinic], int, str]:
    """The clinics in ``window(total)`` (start, end), the total and the order used.

    A fixed number of queries whatever the number of clinics. With a place, the bounding box
    (indexed) picks candidates, the exact distance drops those beyond the radius, and sorting
    happens in Python over the few columns fetched; then only the chosen clinics are loaded with
    their offers and practitioners, each with ``distance_km`` set.
    """
    queryset = matching(criteria)
    sort = criteria.sort or ("distance" if criteria.place else "rating")
    place = criteria.place
    if place is None:
        counts = queryset.aggregate(total=Count("pk"), rated=Count("pk", filter=Q(rating_count__gt=0)))
        if not criteria.sort and not counts["rated"]:
            sort = "name"  # no clinic here has a review yet: rating order would be meaningless
        ordering = _ORDERING.get(sort, ["name"])
        total = counts["total"]
        start, end = window(total)
        return list(queryset.for_cards(criteria.treatments).order_by(*ordering)[start:end]), total, sort
    rows = []
    candidates = queryset.in_box(place.latitude, place.longitude, criteria.radius_km).values_list(*_COLUMNS)
    for row in candidates:
        distance = geo.haversine_km(place.latitude, place.longitude, row[1], row[2])
        if distance <= criteria.radius_km:
            rows.append((*row, distance))
    rows.sort(key=_sort_key(sort))
    start, end = window(len(rows))
    chosen = rows[start:end]
    if not chosen:
        return [], len(rows), sort
    loaded = Clinic.objects.for_cards(criteria.treatments).in_bulk([row[0] for row in chosen])
    clinics = []
    for row in chosen:
        clinic = loaded[row[0]]
        clinic.distance_km = row[DISTANCE]
        clinics.append(clinic)
    return clinics, len(rows), sort


def nearest_offering(treatment: Treatment, *, place: Place | None, limit: int) -> list[Clinic]:
    """Verified clinics offering the treatment: the nearest first (within 60 miles) when a place is given."""
    criteria = Criteria(
        treatments=[treatment],
        place=place,
        radius_km=geo.to_km(NEAREST_RADIUS_MILES, "mi"),
        sort="distance" if place else "rating",
    )
    if place is None:  # no total is shown: the best rated, without counting them first
        return list(matching(criteria).for_cards(criteria.treatments).order_by(*_ORDERING["rating"])[:limit])
    return find(criteria, per_page=limit).clinics
