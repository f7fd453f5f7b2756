from __future__ import annotations

from django import template

from cosmediclist.catalog import facts
from cosmediclist.catalog.models import Treatment

register = template.Library()


@register.inclusion_tag("components/at_a_glance.html")
def at_a_glance(treatment: Treatment, heading_level: int = 2) -> dict[str, object]:
    """The reusable "at a glance" box: ``{% at_a_glance treatment %}`` (no queries)."""
    return {"treatment": treatment, "facts": facts.at_a_glance(treatment), "heading_level": heading_level}


KEY_FACTS = ("procedure_type", "sessions", "downtime", "results", "price", "evidence")


@register.inclusion_tag("catalog/_key_facts.html")
def key_facts(treatment: Treatment) -> dict[str, object]:
    """A short list of the facts that matter most when scanning treatments (no queries)."""
    return {"facts": [f for f in facts.at_a_glance(treatment) if f.key in KEY_FACTS]}
