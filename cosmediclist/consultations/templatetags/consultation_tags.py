"""Template tags for other apps' pages: a clinic's response time, linked to its published formula."""

from __future__ import annotations

from typing import Any

from django import template

from cosmediclist.consultations.responsiveness import describe, median_first_response

register = template.Library()


@register.inclusion_tag("consultations/_response_time.html")
def response_time(clinic: Any) -> dict[str, Any]:
    """One query: the clinic's median time to first response over the last 12 months."""
    return {"label": describe(median_first_response(clinic.pk))}
