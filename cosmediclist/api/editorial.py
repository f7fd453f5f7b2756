"""API: live articles and treatment guides, read-only, with their medical review and facts."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from cosmediclist.api import auth, pagination
from cosmediclist.api.catalog import FactOut, api_link
from cosmediclist.api.conditional import conditional_get
from cosmediclist.api.errors import INVALID, NOT_FOUND, NOT_MODIFIED
from cosmediclist.api.pagination import Paged, PageIn
from cosmediclist.catalog import facts
from cosmediclist.core.origin import absolute
from cosmediclist.core.text import PlainText
from cosmediclist.editorial.models import ArticlePage, ArticleQuerySet, Reviewer

router = Router(tags=["guides"], auth=auth.READ)
router.add_decorator(conditional_get, mode="view")


class ReviewerOut(Schema):
    name: str
    credentials: str
    profession: str
    register_code: str = Field(description='"gmc", "nmc", "gdc", "hcpc" or "gphc".')
    register_name: str = Field(description='As the site names it, e.g. "GMC".')
    register_number: str
    register_url: str = Field(description="Where anyone can check the registration.")


class GuideTreatmentOut(Schema):
    slug: str
    name: str
    api_url: str


class GuideOut(Schema):
    slug: str
    title: str
    kind: str = Field(description='"guide" (about one catalogue treatment) or "article".')
    standfirst: str
    summary: str
    tags: list[str]
    author: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    reviewer: ReviewerOut | None = Field(description="The clinician who last approved it; null if none yet.")
    last_reviewed_on: datetime.date | None
    next_review_due_on: datetime.date | None
    is_review_overdue: bool
    treatment: GuideTreatmentOut | None
    url: str
    api_url: str
    comments_url: str


class HeadingOut(Schema):
    anchor: str
    text: str


class GuideReferenceOut(Schema):
    title: str
    publisher: str
    year: int | None
    url: str


class ReviewEventOut(Schema):
    reviewer: str
    reviewed_on: datetime.date
    changes: str


class GuideDetailOut(GuideOut):
    reading_minutes: int
    headings: list[HeadingOut]
    references: list[GuideReferenceOut]
    disclosure: str
    at_a_glance: list[FactOut] = Field(
        description="The treatment's facts box (guides only; empty otherwise)."
    )
    review_history: list[ReviewEventOut]


class GuideFilters(Schema):
    tag: PlainText | None = Field(None, description="Only guides with this tag (its slug).")
    treatment: PlainText | None = Field(None, description="Only guides about this treatment (its slug).")


def _guides() -> ArticleQuerySet:
    pages = ArticlePage.objects.live().public()
    related = pages.select_related("author", "reviewer", "treatmentguidepage__treatment")
    return cast(ArticleQuerySet, related.prefetch_related("tags"))


def _reviewer(reviewer: Reviewer | None) -> ReviewerOut | None:
    if reviewer is None:
        return None
    return ReviewerOut(
        name=reviewer.name,
        credentials=reviewer.credentials,
        profession=reviewer.profession,
        register_code=reviewer.register,
        register_name=reviewer.register_short,
        register_number=reviewer.register_number,
        register_url=reviewer.register_url,
    )


def _guide(page: ArticlePage) -> dict[str, Any]:
    guide = getattr(page, "treatmentguidepage", None)
    treatment = guide.treatment if guide is not None else None
    return {
        "slug": page.slug,
        "title": page.title,
        "kind": "guide" if guide is not None else "article",
        "standfirst": page.standfirst,
        "summary": page.summary,
        "tags": sorted(t.name for t in page.tags.all()),
        "author": page.author.name,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "reviewer": _reviewer(page.reviewer),
        "last_reviewed_on": page.last_reviewed_on,
        "next_review_due_on": page.next_review_due_on,
        "is_review_overdue": page.is_overdue,
        "treatment": None
        if treatment is None
        else GuideTreatmentOut(
            slug=treatment.slug, name=treatment.name, api_url=api_link(f"/treatments/{treatment.slug}")
        ),
        "url": absolute(page.url or "/"),
        "api_url": api_link(f"/guides/{page.slug}"),
        "comments_url": api_link(f"/guides/{page.slug}/comments"),
    }


@router.get(
    "/guides",
    response={200: Paged[GuideOut], **NOT_MODIFIED, **INVALID},
    summary="Live articles and treatment guides, newest first",
)
def list_guides(request: HttpRequest, filters: Query[GuideFilters], paging: Query[PageIn]) -> dict[str, Any]:
    """Four queries whatever the page size: view restrictions, the count, the page (with author,
    reviewer and treatment), the tags."""
    pages = _guides()
    if filters.tag:
        pages = pages.filter(tags__slug=filters.tag)
    if filters.treatment:
        pages = pages.filter(treatmentguidepage__treatment__slug=filters.treatment)
    pages = pages.distinct()
    count = pages.count()
    chosen = (
        pages.order_by("-first_published_at", "-pk")[paging.start : paging.end]
        if count > paging.start
        else []
    )
    return pagination.page(request, paging, [_guide(p) for p in chosen], count)


def live_guide(slug: str) -> ArticlePage:
    """The live, public article or guide with this slug; ``Http404`` otherwise (drafts included)."""
    page: ArticlePage | None = _guides().filter(slug=slug).order_by("path").first()
    if page is None:
        raise Http404("No such guide")
    return page


@router.get(
    "/guides/{slug}",
    response={200: GuideDetailOut, **NOT_MODIFIED, **NOT_FOUND},
    summary="One article or guide: its review, sections, references and (guides) the treatment's facts",
)
def get_guide(request: HttpRequest, slug: str) -> dict[str, Any]:
    page = live_guide(slug)
    body = _guide(page)
    treatment = page.treatmentguidepage.treatment if body["kind"] == "guide" else None
    history = page.reviews.select_related("reviewer").order_by("-reviewed_on", "-pk")
    return {
        **body,
        "reading_minutes": page.reading_minutes,
        "headings": [HeadingOut(anchor=h.anchor, text=h.text) for h in page.headings()],
        "references": [
            GuideReferenceOut(
                title=r["title"], publisher=r["publisher"], year=r.get("year"), url=r.get("url") or ""
            )
            for r in page.references()
        ],
        "disclosure": page.disclosure,
        "at_a_glance": [
            FactOut(key=f.key, label=f.label, value=f.value) for f in facts.at_a_glance(treatment)
        ]
        if treatment is not None
        else [],
        "review_history": [
            ReviewEventOut(reviewer=r.reviewer.name, reviewed_on=r.reviewed_on, changes=r.changes)
            for r in history
        ],
    }
