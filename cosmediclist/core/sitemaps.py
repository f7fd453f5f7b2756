"""/sitemap.xml: Wagtail's page tree plus any app's Django sitemap listed in settings.SITEMAPS."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


def sections() -> dict[str, Any]:
    """Each section's Sitemap class; Wagtail's is instantiated per request by its view."""
    return {name: import_string(path) for name, path in settings.SITEMAPS.items()}


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    response: HttpResponse = wagtail_sitemap(request, sitemaps=sections())
    return response
