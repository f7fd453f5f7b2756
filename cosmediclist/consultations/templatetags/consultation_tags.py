"""Template tags for other apps' pages: a clinic's response time, linked to its published formula."""

from __future__ import annotations

from typing import Any

from django import template

from cosmediclist.consultations.models import time_zone_label
from cosmediclist.consultations.responsiveness import describe_hours

register = template.Library()


@register.inclusion_tag("consultations/_response_time.html")
def response_time(clinic: Any) -> dict[str, Any]:
    """No query: the clinic's stored median time to first response over the last 12 months."""
    return {"label": describe_hours(clinic.median_response_hours)}


@register.filter
def response_label(hours: float | None) -> str:
    """A stored response time in words: "Usually within 4 hours"."""
    return describe_hours(hours)


@register.filter
def zone_label(zone: str) -> str:
    """A time zone in words: "UK time" rather than "Europe/London"."""
    return time_zone_label(zone)
