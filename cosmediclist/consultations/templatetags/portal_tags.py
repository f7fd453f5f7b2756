"""The clinic portal's navigation, on every portal page: inbox (with counts), listing, this week."""

from __future__ import annotations

from typing import Any

from django import template

from cosmediclist.consultations.portal_nav import inbox_counts

register = template.Library()


@register.inclusion_tag("components/portal_nav.html", takes_context=True)
def portal_nav(context: template.Context) -> dict[str, Any]:
    """One query: the counts of new and flagged requests for the signed-in staff member."""
    request = context["request"]
    return {"counts": inbox_counts(request.user), "path": request.path, "user": request.user}
