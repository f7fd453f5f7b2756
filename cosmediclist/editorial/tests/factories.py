"""Articles, guides and the people behind them, built through the editorial services."""

from __future__ import annotations

import datetime
import io
import itertools
from typing import Any

import time_machine
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP, MEDICAL_REVIEWERS_GROUP, group
from cosmediclist.catalog.models import Treatment
from cosmediclist.editorial import services
from cosmediclist.editorial.illustrations import hero_jpeg
from cosmediclist.editorial.models import ArticleIndexPage, ArticlePage, Author, Reviewer

_numbers = itertools.count(1)


def author() -> Author:
    n = next(_numbers)
    return services.save_author(slug=f"author-{n}", name=f"Alex Author {n}", bio="Writes guides.")


def reviewer_account(n: int | None = None) -> User:
    """An account in the Medical reviewers group, with no reviewer profile yet."""
    n = n if n is not None else next(_numbers)
    user = User.objects.create_user(f"riley.reviewer{n}@example.org", "x-Reviewer-Pass-42")
    user.groups.add(group(MEDICAL_REVIEWERS_GROUP), group(EDITORS_GROUP))
    return user


def reviewer(user: User | None = None) -> Reviewer:
    """A reviewer profile on the GMC register, linked to a medical reviewer's account."""
    n = next(_numbers)
    return services.save_reviewer(
        slug=f"reviewer-{n}",
        name=f"Dr Riley Reviewer {n}",
        credentials="MBChB, MRCP",
        profession="Consultant dermatologist",
        register="gmc",
        register_number=f"77{n:05d}",
        user=user or reviewer_account(n),
    )


def image(colour: str = "#7FA7C9") -> Any:
    n = next(_numbers)
    data = hero_jpeg(colour, seed=str(n))
    found = get_image_model()(
        title=f"Illustration {n}", file=ImageFile(io.BytesIO(data), name=f"hero-{n}.jpg")
    )
    found.save()
    return found


def body(*, sections: int = 4, images: list[Any] | None = None, references: int = 2) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for n in range(sections):
        blocks += [
            {"type": "heading", "value": f"Section {n + 1}"},
            {
                "type": "paragraph",
                "value": f'<p>Plain words, <b>bold</b> and <a href="/about/">a link</a> {n}.</p>',
            },
        ]
    blocks += [
        {"type": "list", "value": ["one point", "another point"]},
        {
            "type": "callout",
            "value": {"kind": "benefits", "title": "What it may do", "text": "<p>Smoother skin.</p>"},
        },
        {
            "type": "callout",
            "value": {"kind": "risks", "title": "Possible side effects", "text": "<p>Bruising.</p>"},
        },
        {"type": "quote", "value": {"text": "Ask questions.", "attribution": "A reviewer"}},
    ]
    for img in images or []:
        blocks.append(
            {"type": "image", "value": {"image": img.pk, "alt": "A shape", "caption": "Soft", "credit": "Us"}}
        )
    blocks.append(
        {
            "type": "references",
            "value": [
                {
                    "title": f"Study {n}",
                    "publisher": "A journal",
                    "year": 2020,
                    "url": f"https://doi.org/10.1/{n}",
                }
                for n in range(references)
            ],
        }
    )
    return blocks


def article(
    index: ArticleIndexPage,
    *,
    slug: str | None = None,
    title: str = "What is mesotherapy and how does it work?",
    guide_for: Treatment | None = None,
    tags: list[str] | None = None,
    reviewed_on: datetime.date | None = None,
    reviewed_by: Reviewer | None = None,
    hero: Any = None,
    **fields: Any,
) -> ArticlePage:
    """A page written, submitted and approved through the "Medical review" workflow.

    ``reviewed_on`` moves the clock to that day for the whole story, so the guide is also first
    published then (a review never predates its guide).
    """
    n = next(_numbers)
    values: dict[str, Any] = {
        "standfirst": "A short standfirst.",
        "summary": "The plain-language summary.",
        "hero_image": hero,
        "hero_alt": "Abstract shapes",
        "hero_caption": "A caption",
        "body": body(),
        "author": author(),
        **fields,
    }
    if guide_for is not None:
        values["treatment"] = guide_for
    signer = reviewed_by or reviewer()
    assert signer.user is not None
    day = reviewed_on or timezone.localdate() - datetime.timedelta(days=10)
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)):
        return services.publish_article(
            index=index,
            slug=slug or f"article-{n}",
            title=title,
            fields=values,
            tags=tags if tags is not None else ["skin"],
            guide=guide_for is not None,
            writer=None,
            approved_by=signer.user,
        )


def wagtail_roots() -> None:
    """The root page, welcome page, default Site, locale and collection Wagtail's migrations make
    (the Site on SITE_URL's host, as migrate leaves it): a transactional test flushes them."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page, Site

    from cosmediclist.core import origin

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        welcome = Page.get_first_root_node().add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home")
        )
        hostname, port = origin.hostname_and_port()
        Site.objects.create(hostname=hostname, port=port, root_page=welcome, is_default_site=True)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
