"""``{% clinics_offering treatment near=… limit=… %}``: clinics that offer a treatment, nearest first."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from cosmediclist.catalog.models import Treatment
from cosmediclist.core import pagecache
from cosmediclist.directory import finder, geo, places

register = template.Library()


@register.inclusion_tag("directory/components/clinics_offering.html")
def clinics_offering(
    treatment: Treatment, near: str | places.Place | None = None, limit: int = 5, heading_level: int = 2
) -> dict[str, Any]:
    """Verified clinics offering ``treatment``: nearest first (within 60 miles) when ``near`` is a
    place name or a ``Place``, best rated first otherwise. A fixed number of queries.
    """
    place = near if isinstance(near, places.Place) else None
    near_text = near.strip()[:100] if isinstance(near, str) else ""
    suggestions: tuple[str, ...] = ()
    if near_text:
        resolution = places.resolve(near_text)
        place, suggestions = resolution.place, resolution.suggestions
    limit = max(1, min(int(limit), 20))
    clinics = pagecache.cached_for_generation(
        f"clinics-offering:{treatment.pk}:{place.latitude if place else ''}:{place.longitude if place else ''}:{limit}",
        lambda: finder.nearest_offering(treatment, place=place, limit=limit),
    )
    query = {"treatment": treatment.slug}
    if place is not None and isinstance(near, str):
        query["near"] = near
    return {
        "treatment": treatment,
        "clinics": clinics,
        "place": place,
        "near_text": near_text,
        "unresolved": bool(near_text) and place is None,
        "suggestions": suggestions,
        "heading_level": heading_level,
        "more_url": reverse("directory:search") + "?" + urlencode(query),
    }


@register.simple_tag(takes_context=True)
def distance_away(context: template.Context, km: float | None) -> str:
    """ "2.3 miles away", or "3.7 km away" when the page's ``distance_units`` say kilometres."""
    units = str(context.get("distance_units") or "mi")
    if km is None:
        return ""
    units = units if units in geo.UNITS else "mi"
    value = geo.from_km(km, units)
    label = "mile" if units == "mi" and f"{value:.1f}" == "1.0" else geo.UNITS[units]
    return f"{value:.1f} {label} away"


SMALL_WORDS = {"the", "and", "of", "&", "-", "dr", "mr", "mrs", "ms", "miss", "prof"}
MONOGRAM_COLOURS = 12  # .avatar--c0 … c11 in site.css, each passing AA with white text


@register.filter
def monogram(name: str) -> str:
    """Up to two initials of a clinic's or practitioner's name, for the tinted circle shown without a photo."""
    words = [
        w
        for w in name.replace("-", " ").split()
        if w.lower().strip(".") not in SMALL_WORDS and w[0].isalnum()
    ]
    return "".join(w[0] for w in words[:2]).upper() or "?"


@register.filter
def monogram_colour(pk: int | None) -> str:
    """The same colour for the same clinic or practitioner everywhere."""
    return f"avatar--c{(pk or 0) % MONOGRAM_COLOURS}"


@register.filter
def stars(average: float | Decimal | None) -> str:
    """A rating as five stars, rounded to the nearest whole star; shown beside the number in words."""
    if average is None:
        return ""
    # Half up (4.5 gives five stars), not Python's round(), which rounds halves to even: 2.5 gave two, 3.5 four.
    full = max(0, min(5, math.floor(float(average) + 0.5)))
    return "★" * full + "☆" * (5 - full)
