"""Public directory pages: the clinic search and the clinic profile."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from cosmediclist.catalog.models import Treatment
from cosmediclist.core import paging
from cosmediclist.core.registers import Register
from cosmediclist.core.text import describe
from cosmediclist.directory import finder, places
from cosmediclist.directory.forms import SearchForm
from cosmediclist.directory.models import Clinic, ClinicMembership, Practitioner, Weekday

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _with(query: QueryDict, **changes: Any) -> str:
    copy = query.copy()
    for key, value in changes.items():
        copy[key] = str(value)
    return "?" + copy.urlencode()


def _criteria(form: SearchForm, place: places.Place | None) -> finder.Criteria:
    data = form.cleaned_data
    treatment, concern = data.get("treatment"), data.get("concern")
    treatments: list[Treatment] | None = None
    if concern is not None:
        treatments = list(Treatment.objects.published().filter(concern_links__concern=concern))
        if treatment is not None:
            treatments = [t for t in treatments if t.pk == treatment.pk]
    elif treatment is not None:
        treatments = [treatment]
    return finder.Criteria(
        treatments=treatments,
        place=place,
        radius_km=data.get("radius") or finder.DEFAULT_RADIUS_KM,
        sort=data.get("sort") or "",
        price_min=data.get("price_min"),
        price_max=data.get("price_max"),
        verified_only=bool(data.get("verified")),
        weekend=bool(data.get("weekend")),
    )


@require_safe
def clinic_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.copy()
    query.setdefault("radius", str(finder.DEFAULT_RADIUS_KM))
    form = SearchForm(query)
    context: dict[str, Any] = {"form": form, "results": None, "place": None, "did_you_mean": []}
    if not form.is_valid():
        return render(request, "directory/search.html", context, status=400)
    data: dict[str, Any] = form.cleaned_data
    place: places.Place | None = None
    if data.get("lat") is not None and data.get("lng") is not None:
        place = places.Place("your location", data["lat"], data["lng"])
    elif data.get("near"):
        resolution = places.resolve(data["near"])
        place = resolution.place
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
        previous_url=_with(request.GET, page=results.page - 1) if results.page > 1 else "",
        next_url=_with(request.GET, page=results.page + 1) if results.page < results.pages else "",
    )
    return render(request, "directory/search.html", context)


def _consultation_url(clinic: Clinic) -> str:
    """The request form's address once the consultations app provides it; empty until then."""
    try:
        return reverse("consultations:request", args=[clinic.slug])
    except NoReverseMatch:
        return ""


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
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 - <, > and & are escaped above


def _visible_clinic(request: HttpRequest, slug: str) -> Clinic:
    """A verified clinic for everyone; an unverified one only for its own staff and administrators."""
    clinic = Clinic.objects.for_profile().filter(slug=slug).first()
    if clinic is None:
        raise Http404
    if clinic.is_verified:
        return clinic
    user = request.user
    if user.is_authenticated and (
        user.is_superuser or ClinicMembership.objects.filter(user=user, clinic=clinic).exists()
    ):
        return clinic
    raise Http404


@require_safe
def clinic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = _visible_clinic(request, slug)
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
    context = {
        "clinic": clinic,
        "other_locations": other_locations,
        "consultation_url": _consultation_url(clinic),
        "structured_data": structured_data(clinic, settings.SITE_URL),
    }
    return render(request, "directory/clinic_detail.html", context)
