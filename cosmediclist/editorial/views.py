"""The named entry to the guides section; the pages themselves are Wagtail's."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from cosmediclist.editorial.routing import serve
from cosmediclist.editorial.services import GUIDES_SLUG


def guide_index(request: HttpRequest) -> HttpResponse:
    """/guides/: Wagtail serves the ArticleIndexPage there; this gives it a URL name to reverse."""
    response: HttpResponse = serve(request, f"{GUIDES_SLUG}/")
    return response
