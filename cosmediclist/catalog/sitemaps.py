"""Sitemap sections for the catalogue: treatments, concerns and body areas."""

from __future__ import annotations

from django.db.models import QuerySet

from cosmediclist.catalog.models import BodyArea, Concern, Treatment
from cosmediclist.core.sitemaps import OriginSitemap


class TreatmentSitemap(OriginSitemap[Treatment]):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Treatment]:
        return Treatment.objects.published().order_by("slug")

    def lastmod(self, item: Treatment) -> object:
        return item.updated_at


class ConcernSitemap(OriginSitemap[Concern]):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> QuerySet[Concern]:
        return Concern.objects.order_by("slug")


class AreaSitemap(OriginSitemap[BodyArea]):
    changefreq = "monthly"
    priority = 0.4

    def items(self) -> QuerySet[BodyArea]:
        return BodyArea.objects.order_by("slug")
