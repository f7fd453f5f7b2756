"""RSS feeds of approved comments, site-wide and per page: names and text, never an email address."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString
from wagtail.models import Page

from cosmediclist.core import paging
from cosmediclist.core.feeds import RssFeed
from cosmediclist.core.text import render_user_text
from cosmediclist.discussion.models import Comment

FEED_SIZE = 50


class SiteCommentsFeed(Feed):  # type: ignore[type-arg]
    feed_type = RssFeed
    title = "Latest comments on CosMedicList"
    description = "The latest approved comments on CosMedicList's guides."

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.offset = (paging.page_number(request.GET.get("page")) - 1) * FEED_SIZE
        return None

    def link(self) -> str:
        return "/"

    def _comments(self) -> Any:
        return (
            Comment.objects.approved()
            .select_related("page")
            .only("id", "name", "body", "created_at", "approved_at", "page__title")
            .order_by("-created_at", "-id")
        )

    def items(self, obj: Any = None) -> list[Comment]:
        return list(self._comments()[self.offset : self.offset + FEED_SIZE])

    def item_title(self, item: Comment) -> str:
        return f"{item.name} on {item.page.title}"

    def item_description(self, item: Comment) -> SafeString:
        return render_user_text(item.body)

    def item_link(self, item: Comment) -> str:
        return reverse("discussion:permalink", args=[item.pk])

    def item_author_name(self, item: Comment) -> str:
        return item.name

    def item_pubdate(self, item: Comment) -> datetime:
        return item.created_at

    def item_guid(self, item: Comment) -> str:
        return f"{settings.SITE_URL}{self.item_link(item)}"

    item_guid_is_permalink = True


class PageCommentsFeed(SiteCommentsFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Page:
        super().get_object(request)
        page = Page.objects.live().filter(pk=kwargs["page_id"], depth__gt=1).first()
        if page is None:
            raise Http404("No such page")
        return page

    def title(self, obj: Page) -> str:  # type: ignore[override]
        return f"Comments on {obj.title}"

    def description(self, obj: Page) -> str:  # type: ignore[override]
        return f"Approved comments on “{obj.title}” at CosMedicList."

    def link(self, obj: Page) -> str:  # type: ignore[override]
        return reverse("discussion:page-comments", args=[obj.pk])

    def items(self, obj: Any = None) -> list[Comment]:
        return list(self._comments().filter(page_id=obj.pk)[self.offset : self.offset + FEED_SIZE])
