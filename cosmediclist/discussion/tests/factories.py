"""Comment data for tests: deterministic names, addresses and texts."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from factory import declarations
from factory.django import DjangoModelFactory
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from cosmediclist.discussion import tokens
from cosmediclist.discussion.models import Comment, ModerationSettings, Status


def make_page(title: str = "Mesotherapy explained", *, parent: Page | None = None) -> Page:
    """A plain published Wagtail page under the tree's root (the editorial models live elsewhere)."""
    # A transactional test flushes the tree that Wagtail's migration made: plant a root again.
    root = parent or Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    page = Page(title=title, slug=slugify(title), live=True, first_published_at=timezone.now())
    root.add_child(instance=page)
    return page


def _sequence(function: Callable[[int], Any]) -> Any:
    return declarations.Sequence(function)  # type: ignore[no-untyped-call]


class CommentFactory(DjangoModelFactory[Comment]):
    class Meta:
        model = Comment

    name = _sequence(lambda n: f"Reader {n}")
    email = _sequence(lambda n: f"reader{n}@example.org")
    body = _sequence(lambda n: f"Comment number {n}: my experience was much as the guide describes.")
    status = Status.APPROVED
    ip_hash = _sequence(lambda n: tokens.ip_hash(f"198.51.100.{n % 250}"))
    depth = 1


def make_comment(**kwargs: Any) -> Comment:
    """A stored comment (approved unless told otherwise)."""
    return CommentFactory.create(**kwargs)


def reply(parent: Comment, **kwargs: Any) -> Comment:
    return make_comment(
        page=parent.page,
        parent=parent,
        thread_id=parent.thread_id or parent.pk,
        depth=parent.depth + 1,
        **kwargs,
    )


def rules(**changes: Any) -> ModerationSettings:
    """The moderation settings, saved with ``changes``."""
    settings_row: ModerationSettings = ModerationSettings.load()
    for key, value in changes.items():
        setattr(settings_row, key, value)
    settings_row.save()
    return settings_row


def form_data(**changes: Any) -> dict[str, Any]:
    """A valid comment form, started a minute ago."""
    data = {
        "name": "Nora Newcomer",
        "email": "nora.newcomer@example.org",
        "website": "",
        "body": "I am booked in for my first session next month. Thank you for the clear guide.",
        "started": tokens.started_token(time.time() - 60),
        "next": "",
    }
    return {**data, **changes}
