"""/sitemap.xml: every kind of public page, each section listed in settings.SITEMAPS, all on SITE_URL."""

from __future__ import annotations

from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from cosmediclist.core import origin

_T = TypeVar("_T")


class OriginSitemap(Sitemap[_T]):
    """A Django sitemap section whose addresses are on SITE_URL, whatever host the request named."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(WagtailSitemap):  # type: ignore[misc]
    """Wagtail's live public pages (home, the guides index, every guide), on SITE_URL."""

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls: list[dict[str, Any]] = super()._urls(page, protocol, domain)
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = origin.absolute(parts.path + (f"?{parts.query}" if parts.query else ""))
        return urls


class PolicySitemap(OriginSitemap[str]):
    """The fixed pages: the catalogue and directory indexes, response times, about and policies."""

    changefreq = "monthly"
    priority = 0.5
    names = (
        "catalog:treatment-list",
        "catalog:concern-list",
        "catalog:area-list",
        "catalog:compare-start",
        "directory:search",
        "consultations:responsiveness",
        "core:about",
        "core:editorial-policy",
        "core:privacy",
        "core:contact",
    )

    def items(self) -> list[str]:
        return list(self.names)

    def location(self, item: str) -> str:
        return reverse(item)


def sections() -> dict[str, Any]:
    """Each section's Sitemap class; Wagtail's is instantiated per request by its view."""
    return {name: import_string(path) for name, path in settings.SITEMAPS.items()}


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    response: HttpResponse = wagtail_sitemap(request, sitemaps=sections())
    return response
