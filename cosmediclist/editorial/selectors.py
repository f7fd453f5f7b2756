"""Reads other apps make of editorial pages."""

from __future__ import annotations

from django.http import HttpRequest

from cosmediclist.editorial.models import ArticlePage

CHOOSING_A_PRACTITIONER = "choosing-a-practitioner-safely"


def live_article_url(slug: str, *, request: HttpRequest | None = None) -> str:
    """The address of the live, public article or guide with this slug, or "" when there is none."""
    page = ArticlePage.objects.live().unrestricted().filter(slug=slug).order_by("path").first()
    if page is None:
        return ""
    return str(page.get_url() or "")
