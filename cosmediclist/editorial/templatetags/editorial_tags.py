"""Links from catalogue pages to their guides: ``{% treatment_guides treatments as guides %}``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from cosmediclist.catalog.models import Treatment
from cosmediclist.editorial.models import TreatmentGuidePage

register = template.Library()


@register.simple_tag(takes_context=True)
def treatment_guides(
    context: dict[str, Any], treatments: Treatment | Iterable[Treatment]
) -> list[dict[str, str]]:
    """The live, public guides written about these treatments (title and address): one query."""
    chosen = [treatments] if isinstance(treatments, Treatment) else list(treatments)
    pages = (
        TreatmentGuidePage.objects.live()
        .unrestricted()
        .filter(treatment__in=chosen)
        .order_by("title")
        .only("title", "url_path", "path", "depth", "slug", "treatment_id")
    )
    # Without the request, Wagtail's cached site root paths give the address: no Site query.
    return [{"title": page.title, "url": str(page.get_url() or "")} for page in pages]
