"""The site's sections, linked from the header, the footer and the home page once they exist."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    blurb: str


SECTIONS = (
    Section(
        "Treatments",
        "catalog:treatment-list",
        "What each treatment involves, in facts: sessions, downtime, how long results last.",
    ),
    Section(
        "Concerns", "catalog:concern-list", "Start from what you would like to change and see what can help."
    ),
    Section(
        "Guides",
        "editorial:guide-index",
        "Articles and guides checked by a medical reviewer, with their sources.",
    ),
    Section(
        "Find a clinic",
        "directory:search",
        "Clinics near you that offer a treatment, with their practitioners and prices.",
    ),
    Section("Compare", "catalog:compare-start", "Put two to four treatments side by side."),
)

FOOTER = (
    ("About us", "core:about"),
    ("Editorial policy", "core:editorial-policy"),
    ("Privacy", "core:privacy"),
    ("Contact", "core:contact"),
)


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    blurb: str = ""


@cache
def _reverse_or_none(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def live_sections() -> list[Link]:
    """Sections whose pages exist in this build; the others are simply not linked."""
    return [
        Link(s.label, url, s.blurb) for s in SECTIONS if (url := _reverse_or_none(s.url_name)) is not None
    ]


def footer_links() -> list[Link]:
    return [Link(label, url) for label, name in FOOTER if (url := _reverse_or_none(name))]
