"""The home page, and the named entry to the guides section (the pages themselves are Wagtail's)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cosmediclist.catalog.models import Concern, Treatment
from cosmediclist.core.navigation import live_sections
from cosmediclist.core.pagecache import public_page
from cosmediclist.editorial.models import ArticlePage
from cosmediclist.editorial.routing import serve
from cosmediclist.editorial.services import GUIDES_SLUG


@public_page
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """A search by treatment or concern and town first, then featured guides and treatments.

    Mounted as ``core:home`` by the root URL map; the page tree's HomePage serves it too.
    """
    treatments = list(Treatment.objects.published().order_by("name").only("name", "slug", "summary"))
    context = {
        "sections": live_sections(),
        "treatments": treatments,
        "featured_treatments": treatments[:6],
        "concerns": list(Concern.objects.order_by("name").only("name", "slug")),
        "guides": [
            {"title": page.title, "url": page.get_url(), "standfirst": page.standfirst}
            for page in ArticlePage.objects.live().public().order_by("-first_published_at")[:3]
        ],
    }
    return render(request, "core/home.html", context)


def guide_index(request: HttpRequest) -> HttpResponse:
    """/guides/: Wagtail serves the ArticleIndexPage there; this gives it a URL name to reverse."""
    response: HttpResponse = serve(request, f"{GUIDES_SLUG}/")
    return response
