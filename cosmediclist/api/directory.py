"""API: the clinic directory, read-only: clinics near a point or a place, and a clinic's profile."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from cosmediclist.api import auth, pagination
from cosmediclist.api.catalog import api_link
from cosmediclist.api.conditional import conditional_get
from cosmediclist.api.errors import INVALID, NOT_FOUND, NOT_MODIFIED, FieldError, UnknownName
from cosmediclist.api.pagination import Paged, PageIn
from cosmediclist.catalog.models import Concern, Treatment
from cosmediclist.core.origin import absolute
from cosmediclist.core.text import PlainText
from cosmediclist.directory import access, finder, places
from cosmediclist.directory.models import Clinic, Offer, Weekday
from cosmediclist.reviews.models import ClinicRating

router = Router(tags=["clinics"], auth=auth.READ)
router.add_decorator(conditional_get, mode="view")

KM_PER_MILE = 1.609344
MAX_RADIUS_KM = 200.0
MAX_RADIUS_MILES = 125.0


class OfferOut(Schema):
    treatment: str = Field(description="The treatment's slug.")
    treatment_name: str
    price_from_gbp: int
    price_to_gbp: int | None
    price_basis: str
    price_label: str
    notes: str


class ClinicCardOut(Schema):
    slug: str
    name: str
    group: str | None
    town: str
    postcode: str
    country: str
    latitude: float
    longitude: float
    distance_km: float | None = Field(description="From the point searched; null without one.")
    distance_miles: float | None
    rating_average: float | None = Field(description="Average of published reviews, 1 to 5.")
    rating_count: int
    median_response_hours: float | None = Field(
        description="Median hours to first reply to a consultation request; null until there are enough."
    )
    offers: list[OfferOut] = Field(description="The offers for the treatments searched (all without one).")
    url: str
    api_url: str


class PlaceOut(Schema):
    name: str
    latitude: float
    longitude: float
    country: str


class ClinicSearchOut(Paged[ClinicCardOut]):
    place: PlaceOut | None = Field(description="The point searched around, or null.")
    radius_km: float | None
    radius_miles: float | None
    sort: str


class ClinicSearchIn(Schema):
    treatment: PlainText | None = Field(None, description="A treatment's slug.")
    concern: PlainText | None = Field(None, description="A concern's slug: clinics offering what can help.")
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude of the point; give lng too.")
    lng: float | None = Field(None, ge=-180, le=180, description="Longitude of the point; give lat too.")
    near: PlainText | None = Field(
        None, max_length=places.MAX_PLACE_LENGTH, description="A town or city, when no lat/lng is given."
    )
    radius_km: float | None = Field(
        None, gt=0, le=MAX_RADIUS_KM, description=f"Default {finder.DEFAULT_RADIUS_KM} km."
    )
    radius_miles: float | None = Field(
        None,
        gt=0,
        le=MAX_RADIUS_MILES,
        description="In statute miles; with radius_km too, the smaller applies.",
    )
    sort: Literal["distance", "price", "rating", "response"] | None = Field(
        None, description="Default: distance around a point, rating otherwise."
    )
    price_min: int | None = Field(None, ge=0, le=100_000, description="Pounds.")
    price_max: int | None = Field(None, ge=0, le=100_000, description="Pounds.")
    verified: bool = Field(
        False, description="Only clinics with a practitioner whose registration we checked."
    )
    weekend: bool = Field(False, description="Only clinics open on Saturday or Sunday.")


class HoursOut(Schema):
    day: str
    opens: str
    closes: str


class PhotoOut(Schema):
    url: str
    alt: str
    width: int
    height: int


class PractitionerOut(Schema):
    name: str
    profession: str
    register_code: str = Field(description='"gmc", "nmc", "gdc", "hcpc", "gphc" or "psa".')
    register_name: str = Field(description='As the site names it: "GMC", or the PSA accredited register.')
    registration_number: str
    is_registration_verified: bool
    register_url: str = Field(description="Where anyone can check the registration.")
    bio: str


class RatingSummaryOut(Schema):
    review_count: int
    average: float | None
    bayesian_average: float | None = Field(description="The average the search sorts by (see review policy).")
    distribution: dict[str, int] = Field(description='Reviews per number of stars, "1" to "5".')


class ClinicDetailOut(ClinicCardOut):
    description: str
    address: str
    phone: str
    website: str
    accessibility: str
    is_verified: bool
    opening_hours: list[HoursOut]
    photos: list[PhotoOut]
    practitioners: list[PractitionerOut]
    rating_summary: RatingSummaryOut
    reviews_url: str
    consultation_url: str = Field(description="The site's consultation request form for this clinic.")
    updated_at: datetime


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _offer(offer: Offer) -> OfferOut:
    return OfferOut(
        treatment=offer.treatment.slug,
        treatment_name=offer.treatment.name,
        price_from_gbp=offer.price_from_gbp,
        price_to_gbp=offer.price_to_gbp,
        price_basis=offer.price_basis,
        price_label=offer.price_label,
        notes=offer.notes,
    )


def card(clinic: Clinic, offers: list[Offer]) -> dict[str, Any]:
    km = clinic.distance_km
    return {
        "slug": clinic.slug,
        "name": clinic.name,
        "group": clinic.group.name if clinic.group else None,
        "town": clinic.town,
        "postcode": clinic.postcode,
        "country": clinic.country,
        "latitude": clinic.latitude,
        "longitude": clinic.longitude,
        "distance_km": _round(km),
        "distance_miles": _round(None if km is None else km / KM_PER_MILE),
        "rating_average": None if clinic.rating_average is None else float(clinic.rating_average),
        "rating_count": clinic.rating_count,
        "median_response_hours": clinic.median_response_hours,
        "offers": [_offer(o) for o in offers],
        "url": absolute(clinic.get_absolute_url()),
        "api_url": api_link(f"/clinics/{clinic.slug}"),
    }


def _place(params: ClinicSearchIn) -> places.Place | None:
    if (params.lat is None) != (params.lng is None):
        raise FieldError("lng" if params.lng is None else "lat", "Give both lat and lng, or neither.")
    if params.lat is not None and params.lng is not None:
        return places.Place("the point given", params.lat, params.lng, country="")
    if not params.near:
        return None
    resolution = places.resolve(params.near)
    if resolution.place is None:
        hint = f" Did you mean: {', '.join(resolution.suggestions)}?" if resolution.suggestions else ""
        raise UnknownName("near", "We do not know a town or city by this name." + hint)
    return resolution.place


def _radius_km(params: ClinicSearchIn) -> float:
    """The radius in km; given in both units, both apply (like every other filter), so the smaller wins."""
    given = [
        r
        for r in (
            params.radius_km,
            None if params.radius_miles is None else params.radius_miles * KM_PER_MILE,
        )
        if r is not None
    ]
    return min(given) if given else float(finder.DEFAULT_RADIUS_KM)


def _criteria(params: ClinicSearchIn, place: places.Place | None) -> finder.Criteria:
    treatment = concern = None
    if params.treatment:
        treatment = Treatment.objects.published().filter(slug=params.treatment).first()
        if treatment is None:
            raise UnknownName("treatment", "No published treatment has this slug.")
    if params.concern:
        concern = Concern.objects.filter(slug=params.concern).first()
        if concern is None:
            raise UnknownName("concern", "No concern has this slug.")
    if params.price_min is not None and params.price_max is not None and params.price_min > params.price_max:
        raise FieldError("price_max", "The upper price must be at least the lower one.")
    return finder.Criteria(
        treatments=finder.chosen_treatments(treatment, concern),
        place=place,
        radius_km=_radius_km(params),
        sort=params.sort or "",
        price_min=params.price_min,
        price_max=params.price_max,
        verified_only=params.verified,
        weekend=params.weekend,
    )


@router.get(
    "/clinics",
    response={200: ClinicSearchOut, **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="Verified clinics, by treatment and/or concern, near a point or a place, with distance",
)
def search_clinics(
    request: HttpRequest, params: Query[ClinicSearchIn], paging: Query[PageIn]
) -> dict[str, Any]:
    """The clinic search page's search (same filters, same order) as data.

    A fixed number of queries whatever the page size: around a point, the candidates then the
    page's clinics with their offers and practitioners (four in all); one more for a treatment,
    two more for a concern (the concern, its treatments).
    """
    place = _place(params)
    criteria = _criteria(params, place)
    clinics, total, sort = finder.search(criteria, lambda total: (paging.start, paging.end))
    items = [card(c, c.matching_offers) for c in clinics]  # type: ignore[attr-defined]  # for_cards' prefetch
    body = pagination.page(request, paging, items, total)
    radius = criteria.radius_km if place else None
    return {
        **body,
        "place": None
        if place is None
        else PlaceOut(
            name=place.name, latitude=place.latitude, longitude=place.longitude, country=place.country
        ),
        "radius_km": _round(radius),
        "radius_miles": _round(None if radius is None else radius / KM_PER_MILE),
        "sort": sort,
    }


def _rating(summary: ClinicRating | None) -> RatingSummaryOut:
    if summary is None:
        return RatingSummaryOut(review_count=0, average=None, bayesian_average=None, distribution={})
    return RatingSummaryOut(
        review_count=summary.review_count,
        average=None if summary.average is None else float(summary.average),
        bayesian_average=None if summary.bayesian_average is None else float(summary.bayesian_average),
        distribution={str(stars): n for stars, n, _percent in summary.distribution},
    )


@router.get(
    "/clinics/{slug}",
    response={200: ClinicDetailOut, **NOT_MODIFIED, **NOT_FOUND},
    summary="A clinic's profile: offers, practitioners, hours, response time and rating summary",
)
def get_clinic(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Seven queries: the clinic (with its group), its four kinds of children, the offers'
    practitioners, the rating summary; one more for a signed-in user looking at an unverified clinic.

    An unverified clinic is a 404 except for its own staff and administrators, as on the site.
    """
    clinic = access.get_visible_clinic(request.user, slug)
    summary = ClinicRating.objects.filter(clinic=clinic).first()
    return {
        **card(clinic, list(clinic.offers.all())),
        "description": clinic.description,
        "address": clinic.address,
        "phone": clinic.phone,
        "website": clinic.website if clinic.website.startswith(("https://", "http://")) else "",
        "accessibility": clinic.accessibility,
        "is_verified": clinic.is_verified,
        "opening_hours": [
            HoursOut(day=Weekday(h.weekday).label, opens=f"{h.opens_at:%H:%M}", closes=f"{h.closes_at:%H:%M}")
            for h in clinic.hours.all()
        ],
        "photos": [
            PhotoOut(url=absolute(p.image.url), alt=p.alt_text, width=p.width, height=p.height)
            for p in clinic.photos.all()
        ],
        "practitioners": [
            PractitionerOut(
                name=p.name,
                profession=p.profession,
                register_code=p.register,
                register_name=p.register_short,
                registration_number=p.registration_number,
                is_registration_verified=p.is_registration_verified,
                register_url=p.register_url,
                bio=p.bio,
            )
            for p in clinic.practitioners.all()
        ],
        "rating_summary": _rating(summary),
        "reviews_url": api_link(f"/clinics/{clinic.slug}/reviews"),
        "consultation_url": absolute(reverse("consultations:request", args=[clinic.slug])),
        "updated_at": clinic.updated_at,
    }
