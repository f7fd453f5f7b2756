"""API: published reviews of a clinic or of a treatment, read-only; never who wrote them beyond the
name they chose to show."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from cosmediclist.api import auth, pagination
from cosmediclist.api.catalog import api_link
from cosmediclist.api.conditional import conditional_get
from cosmediclist.api.errors import INVALID, NOT_FOUND, NOT_MODIFIED
from cosmediclist.api.pagination import Paged, PageIn
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic
from cosmediclist.reviews.models import Review, ReviewQuerySet
from cosmediclist.reviews.selectors import SORTS

router = Router(tags=["reviews"], auth=auth.READ)
router.add_decorator(conditional_get, mode="view")


class ReplyOut(Schema):
    body: str = Field(description="The clinic's plain text: escape it before showing it as HTML.")
    created_at: datetime


class ReviewOut(Schema):
    id: int
    clinic: str = Field(description="The clinic's slug.")
    clinic_api_url: str
    treatment: str = Field(description="The treatment's slug.")
    treatment_name: str
    treated_in: str = Field(description="The month of the treatment, YYYY-MM.")
    rating: int
    rating_explanation: int | None
    rating_care: int | None
    rating_value: int | None
    verdict: str
    title: str
    body: str = Field(description="The patient's plain text: escape it before showing it as HTML.")
    author_name: str = Field(description='The name the patient chose to show, or "Anonymous patient".')
    published_at: datetime | None
    helpful_count: int
    reply: ReplyOut | None


class ReviewFilters(Schema):
    rating: int | None = Field(None, ge=1, le=5, description="Only reviews with this many stars.")
    sort: Literal["newest", "helpful"] = "newest"


class ClinicReviewFilters(ReviewFilters):
    treatment: str | None = Field(None, description="Only reviews of this treatment (its slug).")


def _review(review: Review, clinic_slug: str) -> ReviewOut:
    reply = getattr(review, "reply", None)
    return ReviewOut(
        id=review.pk,
        clinic=clinic_slug,
        clinic_api_url=api_link(f"/clinics/{clinic_slug}"),
        treatment=review.treatment.slug,
        treatment_name=review.treatment.name,
        treated_in=f"{review.treated_on:%Y-%m}",
        rating=review.rating,
        rating_explanation=review.rating_explanation,
        rating_care=review.rating_care,
        rating_value=review.rating_value,
        verdict=review.verdict,
        title=review.title,
        body=review.body,
        author_name=review.shown_name,
        published_at=review.published_at,
        helpful_count=review.helpful_count,
        reply=None if reply is None else ReplyOut(body=reply.body, created_at=reply.created_at),
    )


def _page(
    request: HttpRequest, reviews: ReviewQuerySet, filters: ReviewFilters, paging: PageIn
) -> dict[str, Any]:
    if filters.rating is not None:
        reviews = reviews.filter(rating=filters.rating)
    count = reviews.count()
    chosen = reviews.order_by(*SORTS[filters.sort])[paging.start : paging.end] if count > paging.start else []
    items = [_review(r, r.clinic.slug) for r in chosen]
    return pagination.page(request, paging, items, count)


@router.get(
    "/clinics/{slug}/reviews",
    response={200: Paged[ReviewOut], **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="A verified clinic's published reviews, with the clinic's replies",
)
def clinic_reviews(
    request: HttpRequest, slug: str, filters: Query[ClinicReviewFilters], paging: Query[PageIn]
) -> dict[str, Any]:
    """Three queries whatever the page size (the clinic, the count, the page with treatment and reply)."""
    clinic = Clinic.objects.verified().filter(slug=slug).only("pk", "slug").first()
    if clinic is None:
        raise Http404("No such clinic")
    reviews = Review.objects.approved().filter(clinic=clinic).for_listing().select_related("clinic")
    if filters.treatment:
        reviews = reviews.filter(treatment__slug=filters.treatment)
    return _page(request, reviews, filters, paging)


@router.get(
    "/treatments/{slug}/reviews",
    response={200: Paged[ReviewOut], **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="Published reviews of a treatment, at every verified clinic",
)
def treatment_reviews(
    request: HttpRequest, slug: str, filters: Query[ReviewFilters], paging: Query[PageIn]
) -> dict[str, Any]:
    """Three queries whatever the page size (the treatment, the count, the page)."""
    treatment = Treatment.objects.published().filter(slug=slug).only("pk").first()
    if treatment is None:
        raise Http404("No such treatment")
    reviews = (
        Review.objects.approved()
        .filter(treatment=treatment, clinic__is_verified=True)
        .for_listing()
        .select_related("clinic")
    )
    return _page(request, reviews, filters, paging)
