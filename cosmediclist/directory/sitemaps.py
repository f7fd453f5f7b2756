"""Sitemap section for the directory: the profile of every verified clinic."""

from __future__ import annotations

from django.db.models import QuerySet

from cosmediclist.core.sitemaps import OriginSitemap
from cosmediclist.directory.models import Clinic


class ClinicSitemap(OriginSitemap[Clinic]):
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> QuerySet[Clinic]:
        return Clinic.objects.verified().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item: Clinic) -> object:
        return item.updated_at
