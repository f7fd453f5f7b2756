"""Public directory pages: the clinic search and the clinic profile."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from cosmediclist.core import paging
from cosmediclist.core.jsonld import json_ld
from cosmediclist.core.pagecache import public_page
from cosmediclist.core.registers import Register
from cosmediclist.core.text import describe
from cosmediclist.directory import access, finder, geo, maps, places
from cosmediclist.directory.forms import DEFAULT_RADIUS, SearchForm
from cosmediclist.directory.models import Clinic, Practitioner, Weekday


def _with(query: QueryDict, **changes: Any) -> str:
    copy = query.copy()
    for key, value in changes.items():
        copy[key] = str(value)
    return "?" + copy.urlencode()


# The search's own parameters: what a clinic page's "Back to your results" link may carry back.
SEARCH_KEYS = (
    "treatment",
    "concern",
    "near",
    "lat",
    "lng",
    "radius",
    "units",
    "sort",
    "price_min",
    "price_max",
    "verified",
    "weekend",
    "page",
)
MAX_SEARCH_LENGTH = 1000


def search_query(raw: str) -> str:
    """The clinic search's query string rebuilt from ``raw``: known parameters only, re-encoded,
    so that a link built from it always stays on the clinic search."""
    parsed = QueryDict(raw[:MAX_SEARCH_LENGTH])
    kept = QueryDict(mutable=True)
    for key in SEARCH_KEYS:
        value = parsed.get(key, "")
        if value and value.isprintable():
            kept[key] = value[:200]
    return kept.urlencode()


def _with_units(raw: QueryDict) -> QueryDict:
    """Miles unless the reader chose kilometres; a link from before miles (a radius, no units) meant km."""
    query = raw.copy()
    if not query.get("units"):
        query["units"] = "km" if query.get("radius") else "mi"
    if not query.get("radius"):
        query["radius"] = str(DEFAULT_RADIUS.get(str(query.get("units")), DEFAULT_RADIUS["mi"]))
    return query


def _criteria(form: SearchForm, place: places.Place | None) -> finder.Criteria:
    data = form.cleaned_data
    return finder.Criteria(
        treatments=finder.chosen_treatments(data.get("treatment"), data.get("concern")),
        place=place,
        radius_km=geo.to_km(data.get("radius") or DEFAULT_RADIUS["mi"], data.get("units") or "mi"),
        sort=data.get("sort") or "",
        price_min=data.get("price_min"),
        price_max=data.get("price_max"),
        verified_only=bool(data.get("verified")),
        weekend=bool(data.get("weekend")),
    )


@public_page
@require_safe
def clinic_search(request: HttpRequest) -> HttpResponse:
    normalised = _with_units(request.GET)
    form = SearchForm(normalised)
    context: dict[str, Any] = {
        "form": form,
        "results": None,
        "place": None,
        "did_you_mean": [],
        "filters_open": False,
        "distance_units": "mi",
    }
    if not form.is_valid():
        context["filters_open"] = any(name not in ("treatment", "near") for name in form.errors)
        return render(request, "directory/search.html", context, status=400)
    data: dict[str, Any] = form.cleaned_data
    context["distance_units"] = data.get("units") or "mi"
    context["active_filters"] = sum(
        1 for name in ("concern", "price_min", "price_max", "verified", "weekend") if data.get(name)
    )
    place: places.Place | None = None
    if data.get("lat") is not None and data.get("lng") is not None:
        place = places.Place("your location", data["lat"], data["lng"])
    elif data.get("near"):
        resolution = places.resolve(data["near"])
        place = resolution.place
        if place is None and resolution.unknown_postcode:
            context["unknown_postcode"] = resolution.unknown_postcode
            return render(request, "directory/search.html", context)
        if place is None:
            context["unknown_place"] = data["near"]
            context["did_you_mean"] = [
                (name, _with(request.GET, near=name)) for name in resolution.suggestions
            ]
            return render(request, "directory/search.html", context)
    results = finder.find(_criteria(form, place), page=paging.page_number(request.GET.get("page")))
    context.update(
        results=results,
        place=place,
        back_query=search_query(normalised.urlencode()),
        map=results_map(results.clinics, place),
        previous_url=_with(request.GET, page=results.page - 1) if results.page > 1 else "",
        next_url=_with(request.GET, page=results.page + 1) if results.page < results.pages else "",
    )
    return render(request, "directory/search.html", context)


def results_map(clinics: list[Clinic], place: places.Place | None) -> maps.Map | None:
    """The page's clinics as numbered markers (links to their card in the list), and the place searched."""
    if not clinics:
        return None
    markers = [
        maps.marker(c.latitude, c.longitude, f"{c.name}, {c.town}", number=n, href=f"#clinic-{c.pk}")
        for n, c in enumerate(clinics, start=1)
    ]
    if place is not None:  # drawn first, so that the clinics' markers stay on top
        markers.insert(0, maps.marker(place.latitude, place.longitude, place.label, is_place=True))
    return maps.locator_map(markers)


def _consultation_url(clinic: Clinic) -> str:
    return reverse("consultations:request", args=[clinic.slug])


def practitioner_node(practitioner: Practitioner, *, clinic_id: str) -> dict[str, Any]:
    """schema.org for one practitioner, saying only what is true.

    ``Physician`` only for a doctor on the GMC's medical register whose registration we have
    checked; everyone else (nurses, dentists, pharmacists, aesthetic practitioners, doctors not
    yet checked) is a ``Person`` with their occupation and the registration they hold.
    """
    credential = {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "Professional registration",
        "recognizedBy": {"@type": "Organization", "name": practitioner.get_register_display()},
        "identifier": f"{practitioner.register_short} {practitioner.registration_number}",
    }
    if practitioner.register == Register.GMC and practitioner.is_registration_verified:
        return {
            "@type": "Physician",
            "name": practitioner.name,
            "description": practitioner.profession,
            "hasCredential": credential,
            "memberOf": {"@id": clinic_id},
        }
    return {
        "@type": "Person",
        "name": practitioner.name,
        "jobTitle": practitioner.profession,
        "hasCredential": credential,
        "worksFor": {"@id": clinic_id},
    }


def structured_data(clinic: Clinic, base_url: str) -> SafeString:
    """schema.org MedicalClinic JSON-LD and its practitioners, safe to place inside a script element."""
    url = base_url + clinic.get_absolute_url()
    graph: list[dict[str, Any]] = [
        {
            "@type": "MedicalClinic",
            "@id": url + "#clinic",
            "name": clinic.name,
            "url": url,
            "description": describe(clinic.description, 500),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": clinic.address,
                "addressLocality": clinic.town,
                "postalCode": clinic.postcode,
                "addressCountry": clinic.country,
            },
            "geo": {"@type": "GeoCoordinates", "latitude": clinic.latitude, "longitude": clinic.longitude},
            "openingHoursSpecification": [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": Weekday(h.weekday).label,
                    "opens": h.opens_at.strftime("%H:%M"),
                    "closes": h.closes_at.strftime("%H:%M"),
                }
                for h in clinic.hours.all()
            ],
            "availableService": [
                {"@type": "MedicalProcedure", "name": o.treatment.name} for o in clinic.offers.all()
            ],
        }
    ]
    if clinic.phone:
        graph[0]["telephone"] = clinic.phone
    if clinic.rating_average is not None and clinic.rating_count:
        graph[0]["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": str(clinic.rating_average),
            "ratingCount": clinic.rating_count,
        }
    graph += [practitioner_node(p, clinic_id=url + "#clinic") for p in clinic.practitioners.all()]
    return json_ld({"@context": "https://schema.org", "@graph": graph})


@public_page
@require_safe
def clinic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_visible_clinic(request.user, slug)
    other_locations = (
        list(
            Clinic.objects.verified()
            .filter(group_id=clinic.group_id)
            .exclude(pk=clinic.pk)
            .only("name", "slug", "town")
        )
        if clinic.group_id
        else []
    )
    search = search_query(request.GET.get("search", ""))
    context = {
        "clinic": clinic,
        "back_url": reverse("directory:search") + (f"?{search}" if search else ""),
        "has_search": bool(search),
        "other_locations": other_locations,
        "consultation_url": _consultation_url(clinic),
        "structured_data": structured_data(clinic, settings.SITE_URL),
        "map": maps.locator_map(
            [maps.marker(clinic.latitude, clinic.longitude, clinic.name)], min_span=maps.REGION_SPAN
        ),
        "directions_url": maps.directions_url(f"{clinic.name}, {clinic.full_address}"),
        "openstreetmap_url": maps.openstreetmap_url(clinic.latitude, clinic.longitude),
    }
    return render(request, "directory/clinic_detail.html", context)
