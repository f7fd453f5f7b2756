"""RSS and Atom feeds of the published guides, site-wide and per tag."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import SyndicationFeed
from taggit.models import Tag

from cosmediclist.core.feeds import AtomFeed, RssFeed
from cosmediclist.editorial.models import ArticlePage

FEED_SIZE = 20


class GuidesRssFeed(Feed):  # type: ignore[type-arg]
    feed_type: type[SyndicationFeed] = RssFeed
    description = "Medically reviewed articles and treatment guides from CosMedicList."

    def get_object(self, request: HttpRequest, tag: str | None = None) -> Tag | None:
        return get_object_or_404(Tag, slug=tag) if tag else None

    def title(self, obj: Tag | None) -> str:
        return f"CosMedicList guides: {obj.name}" if obj else "CosMedicList guides"

    def link(self, obj: Tag | None) -> str:
        return f"/guides/?tag={obj.slug}" if obj else "/guides/"

    def items(self, obj: Tag | None) -> list[ArticlePage]:
        articles = ArticlePage.objects.for_listing()
        if obj is not None:
            articles = articles.filter(tags=obj)
        return list(articles[:FEED_SIZE])

    def item_title(self, item: ArticlePage) -> str:
        return str(item.title)

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return f"{settings.SITE_URL}{item.url}"

    def item_pubdate(self, item: ArticlePage) -> datetime.datetime | None:
        return item.first_published_at  # type: ignore[no-any-return]

    def item_updateddate(self, item: ArticlePage) -> datetime.datetime | None:
        return item.last_published_at  # type: ignore[no-any-return]

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [tag.name for tag in item.tags.all()]

    def item_extra_kwargs(self, item: ArticlePage) -> dict[str, Any]:
        return {}


class GuidesAtomFeed(GuidesRssFeed):
    feed_type = AtomFeed

    def subtitle(self, obj: Tag | None) -> str:
        return self.description
