"""API: the approved comments of a page, read-only. An email address is never loaded nor served."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from wagtail.models import Page

from cosmediclist.api.errors import INVALID, NOT_FOUND
from cosmediclist.api.pagination import ClampedLimitOffset
from cosmediclist.discussion.models import Comment, CommentQuerySet

router = Router(tags=["comments"])

MAX_LIMIT = 200


class CommentOut(Schema):
    """What the page shows of a comment, no more: never the email address nor anything derived from it."""

    id: int
    parent_id: int | None
    author_name: str = Field(alias="name")
    author_website: str
    body: str = Field(description="The reader's plain text: escape it before showing it as HTML.")
    created_at: datetime
    badge: str

    @staticmethod
    def resolve_author_website(comment: Comment) -> str:
        # The model's constraint keeps other schemes out; the API repeats the rule rather than rely on it.
        url = comment.website
        return url if url.startswith(("http://", "https://")) else ""


@router.get("/pages/{page_id}/comments", response={200: list[CommentOut], **NOT_FOUND, **INVALID})
@paginate(ClampedLimitOffset, max_limit=MAX_LIMIT)
def page_comments(request: HttpRequest, page_id: int) -> CommentQuerySet:
    """Approved comments of a live page, oldest first; a reply names its parent in ``parent_id``.

    Three queries whatever the number of comments: the page, the count, one page of comments.
    """
    if not Page.objects.live().filter(pk=page_id, depth__gt=1).exists():
        raise Http404("No such page")
    return Comment.objects.on_page(page_id).approved().for_display().order_by("created_at", "id")
