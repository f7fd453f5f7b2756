"""The only ways to a review's private side: staff reach their own clinics' reviews and reports."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from cosmediclist.reviews.models import Review, ReviewQuerySet, SideEffectReport


def reviews_for_staff(user: Any) -> ReviewQuerySet:
    """Published reviews of the clinics the user works for; none for anyone else."""
    if not user.is_authenticated:
        return Review.objects.none()
    return Review.objects.approved().filter(clinic__memberships__user=user)


def get_review_for_staff(user: Any, review_id: int) -> Review:
    """Http404 whether the review is missing, unpublished or another clinic's."""
    found = reviews_for_staff(user).select_related("clinic", "reply").filter(pk=review_id).first()
    if found is None:
        raise Http404("No such review")
    return found


def open_side_effect_reports(user: Any) -> list[SideEffectReport]:
    """Reports not yet acknowledged, for the clinics the user works for (one query)."""
    if not user.is_authenticated:
        return []
    return list(
        SideEffectReport.objects.filter(clinic__memberships__user=user, acknowledged_at__isnull=True)
        .select_related("request", "clinic")
        .order_by("-created_at")[:50]
    )


def get_side_effect_report_for_staff(user: Any, report_id: int) -> SideEffectReport:
    found = (
        SideEffectReport.objects.filter(clinic__memberships__user=user, pk=report_id)
        .select_related("request", "clinic")
        .first()
        if user.is_authenticated
        else None
    )
    if found is None:
        raise Http404("No such report")
    return found
