"""One JSON-LD @graph per article page: who publishes it, who wrote and reviewed it, where it sits."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from cosmediclist.core.jsonld import json_ld_script
from cosmediclist.core.text import describe
from cosmediclist.editorial.models import ArticlePage


def _id(url: str, fragment: str) -> str:
    return f"{url}#{fragment}"


def site_nodes() -> list[dict[str, Any]]:
    base = settings.SITE_URL
    return [
        {
            "@type": "Organization",
            "@id": _id(base + "/", "organization"),
            "name": "CosMedicList",
            "url": base + "/",
            "logo": base + static("img/logo.svg"),
        },
        {
            "@type": "WebSite",
            "@id": _id(base + "/", "website"),
            "name": "CosMedicList",
            "url": base + "/",
            "publisher": {"@id": _id(base + "/", "organization")},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": base + reverse("core:search") + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    ]


def review_date(page: ArticlePage) -> datetime.date | None:
    """The review date the page's data gives out: never before the guide was first published.

    What is published was approved first, so a review recorded before publication is reported
    as of the publication day; later reviews are reported as they are.
    """
    reviewed: datetime.date | None = page.last_reviewed_on
    if reviewed is None:
        return None
    if page.first_published_at is not None:
        reviewed = max(reviewed, timezone.localdate(page.first_published_at))
    return reviewed


def breadcrumbs(page: ArticlePage, parent: Any) -> list[tuple[str, str]]:
    """(name, path) from home to the page, for the visible trail and for BreadcrumbList."""
    trail = [("Home", "/")]
    if parent is not None and parent.depth > 2 and parent.url:
        trail.append((parent.title, parent.url))
    trail.append((page.title, page.url or "/"))
    return trail


def _reviewer_nodes(page: ArticlePage, base: str, webpage: dict[str, Any]) -> list[dict[str, Any]]:
    """The reviewer who approved the guide, and when; nothing before its first approval."""
    reviewer = page.reviewer
    reviewed = review_date(page)
    if reviewer is None or reviewed is None:
        return []
    reviewer_id = _id(base + "/", f"reviewer-{reviewer.slug}")
    webpage.update(lastReviewed=reviewed.isoformat(), reviewedBy={"@id": reviewer_id})
    return [
        {
            "@type": "Person",
            "@id": reviewer_id,
            "name": reviewer.name,
            "jobTitle": reviewer.profession,
            "honorificSuffix": reviewer.credentials,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": reviewer.register_short,
                "value": reviewer.register_number,
            },
        }
    ]


def article_graph(page: ArticlePage, *, parent: Any, tags: list[str], image_url: str = "") -> dict[str, Any]:
    base = settings.SITE_URL
    url = base + (page.url or "/")
    organization = {"@id": _id(base + "/", "organization")}
    author_id = _id(base + "/", f"author-{page.author.slug}")
    modified = page.last_published_at or page.first_published_at
    article: dict[str, Any] = {
        "@type": "Article",
        "@id": _id(url, "article"),
        "headline": describe(page.title, 110),
        "description": describe(page.standfirst),
        "mainEntityOfPage": {"@id": _id(url, "webpage")},
        "isPartOf": {"@id": _id(base + "/", "website")},
        "author": {"@id": author_id},
        "publisher": organization,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": modified.isoformat() if modified else None,
        "keywords": tags,
        "citation": [
            {
                "@type": "CreativeWork",
                "name": ref["title"],
                "publisher": ref["publisher"],
                **({"url": ref["url"]} if ref["url"] else {}),
            }
            for ref in page.references()
        ],
    }
    if image_url:
        article["image"] = image_url
    webpage: dict[str, Any] = {
        "@type": "MedicalWebPage",
        "@id": _id(url, "webpage"),
        "url": url,
        "name": page.title,
        "description": describe(page.search_description or page.standfirst),
        "isPartOf": {"@id": _id(base + "/", "website")},
        "breadcrumb": {"@id": _id(url, "breadcrumb")},
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "mainEntity": {"@id": _id(url, "article")},
        "inLanguage": "en-GB",
    }
    nodes = [
        *site_nodes(),
        webpage,
        article,
        {"@type": "Person", "@id": author_id, "name": page.author.name},
        *_reviewer_nodes(page, base, webpage),
        {
            "@type": "BreadcrumbList",
            "@id": _id(url, "breadcrumb"),
            "itemListElement": [
                {"@type": "ListItem", "position": n, "name": name, "item": base + path}
                for n, (name, path) in enumerate(breadcrumbs(page, parent), start=1)
            ],
        },
    ]
    return {"@context": "https://schema.org", "@graph": nodes}


def as_script(data: dict[str, Any]) -> SafeString:
    """A JSON-LD data block (not executed, so the strict CSP has nothing to allow)."""
    return json_ld_script(data)
