from __future__ import annotations

from functools import cache
from pathlib import Path

from django import template
from django.conf import settings
from django.templatetags.static import static

from cosmediclist.catalog import facts
from cosmediclist.catalog.models import BodyArea, Concern, Treatment

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


ILLUSTRATIONS = Path(settings.BASE_DIR) / "static" / "img" / "illustrations"
KINDS = {"Treatment": "treatment", "Concern": "concern", "BodyArea": "area"}


@cache
def _drawn() -> frozenset[str]:
    return frozenset(path.name for path in ILLUSTRATIONS.glob("*.svg"))


@register.simple_tag
def illustration(thing: Treatment | Concern | BodyArea) -> str:
    """The address of the line drawing made for a treatment, concern or body area (bin/make_illustrations.py);
    the kind's default drawing when this one has none yet. No queries."""
    kind = KINDS[type(thing).__name__]
    name = f"{kind}-{thing.slug}.svg"
    return static(f"img/illustrations/{name if name in _drawn() else f'{kind}-default.svg'}")
