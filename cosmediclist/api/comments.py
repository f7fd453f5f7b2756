"""API: the approved comments of a guide (or any live page), read-only. An email address is never
loaded nor served."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from cosmediclist.api import auth, pagination
from cosmediclist.api.conditional import conditional_get
from cosmediclist.api.editorial import live_guide
from cosmediclist.api.errors import INVALID, NOT_FOUND, NOT_MODIFIED
from cosmediclist.api.pagination import Paged, PageIn
from cosmediclist.core import paging as paging_limits
from cosmediclist.discussion.models import Comment

router = Router(tags=["comments"], auth=auth.READ)
router.add_decorator(conditional_get, mode="view")


class CommentOut(Schema):
    """What the page shows of a comment, no more: never the email address nor anything derived from it."""

    id: int
    parent_id: int | None
    author_name: str
    author_website: str
    body: str = Field(description="The reader's plain text: escape it before showing it as HTML.")
    created_at: datetime
    badge: str


def _comment(comment: Comment) -> CommentOut:
    # The model's constraint keeps other schemes out; the API repeats the rule rather than rely on it.
    url = comment.website
    return CommentOut(
        id=comment.pk,
        parent_id=comment.parent_id,
        author_name=comment.name,
        author_website=url if url.startswith(("http://", "https://")) else "",
        body=comment.body,
        created_at=comment.created_at,
        badge=comment.badge,
    )


def _page(request: HttpRequest, page_id: int, paging: PageIn) -> dict[str, Any]:
    comments = Comment.objects.on_page(page_id).approved().for_display().order_by("created_at", "id")
    count = comments.count()
    chosen = comments[paging.start : paging.end] if count > paging.start else []
    return pagination.page(request, paging, [_comment(c) for c in chosen], count)


@router.get(
    "/pages/{page_id}/comments",
    response={200: Paged[CommentOut], **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="Approved comments of a live page, by the page's id",
)
def page_comments(request: HttpRequest, page_id: int, paging: Query[PageIn]) -> dict[str, Any]:
    """Approved comments, oldest first; a reply names its parent in ``parent_id``.

    Three queries whatever the page size: the page, the count, one page of comments.
    """
    if page_id > paging_limits.MAX_OFFSET or not Page.objects.live().filter(pk=page_id, depth__gt=1).exists():
        raise Http404("No such page")
    return _page(request, page_id, paging)


@router.get(
    "/guides/{slug}/comments",
    response={200: Paged[CommentOut], **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="Approved comments of an article or guide, oldest first",
)
def guide_comments(request: HttpRequest, slug: str, paging: Query[PageIn]) -> dict[str, Any]:
    """Five queries whatever the page size: view restrictions, the guide, its tags, the count, one page."""
    return _page(request, live_guide(slug).pk, paging)
