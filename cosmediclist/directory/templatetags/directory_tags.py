"""``{% clinics_offering treatment near=… limit=… %}``: clinics that offer a treatment, nearest first."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from cosmediclist.catalog.models import Treatment
from cosmediclist.directory import finder, places

register = template.Library()


@register.inclusion_tag("directory/components/clinics_offering.html")
def clinics_offering(
    treatment: Treatment, near: str | places.Place | None = None, limit: int = 5, heading_level: int = 2
) -> dict[str, Any]:
    """Verified clinics offering ``treatment``: nearest first (within 100 km) when ``near`` is a
    place name or a ``Place``, best rated first otherwise. A fixed number of queries.
    """
    place = near if isinstance(near, places.Place) else None
    if isinstance(near, str) and near.strip():
        place = places.resolve(near).place
    limit = max(1, min(int(limit), 20))
    clinics = finder.nearest_offering(treatment, place=place, limit=limit)
    query = {"treatment": treatment.slug}
    if place is not None and isinstance(near, str):
        query["near"] = near
    return {
        "treatment": treatment,
        "clinics": clinics,
        "place": place,
        "heading_level": heading_level,
        "more_url": reverse("directory:search") + "?" + urlencode(query),
    }


@register.filter
def treatment_url(treatment: Treatment) -> str:
    """The treatment page's address, or "" while the catalogue pages are not part of the build."""
    try:
        return treatment.get_absolute_url()
    except NoReverseMatch:
        return ""
