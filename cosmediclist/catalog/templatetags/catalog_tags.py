from __future__ import annotations

from django import template

from cosmediclist.catalog import facts
from cosmediclist.catalog.models import Treatment

register = template.Library()


@register.inclusion_tag("components/at_a_glance.html")
def at_a_glance(treatment: Treatment, heading_level: int = 2) -> dict[str, object]:
    """The reusable "at a glance" box: ``{% at_a_glance treatment %}`` (no queries)."""
    return {"treatment": treatment, "facts": facts.at_a_glance(treatment), "heading_level": heading_level}
