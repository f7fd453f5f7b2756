"""Every write to reviews: submitting, moderating, replying, reporting, helpful votes, erasure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from cosmediclist.catalog.models import Treatment
from cosmediclist.core import audit
from cosmediclist.directory.models import ClinicMembership
from cosmediclist.discussion.services import moderators
from cosmediclist.discussion.tokens import keyed_hash
from cosmediclist.notifications.services import queue_email
from cosmediclist.reviews import signals
from cosmediclist.reviews.models import (
    HelpfulVote,
    Review,
    ReviewInvitation,
    ReviewReply,
    ReviewReport,
    ReviewStatus,
    Verdict,
)
from cosmediclist.reviews.rating import refresh_clinic_rating

AnyUser = AbstractBaseUser | AnonymousUser | None


@dataclass(frozen=True)
class ReviewInput:
    """What the patient wrote; the form cleans it, the service checks the rules."""

    treatment: Treatment
    treated_on: date
    rating: int
    verdict: str
    title: str
    body: str
    display_name: str = ""
    rating_explanation: int | None = None
    rating_care: int | None = None
    rating_value: int | None = None


def is_clinic_staff(*, clinic_id: int, user: AnyUser, email: str) -> bool:
    """Staff of the clinic, by their signed-in account or by the request's address."""

    members = ClinicMembership.objects.filter(clinic_id=clinic_id)
    if user is not None and user.is_authenticated and members.filter(user_id=user.pk).exists():
        return True
    return members.filter(user__email__iexact=email).exists()


def check_invitation(invitation: ReviewInvitation, *, user: AnyUser, now: Any = None) -> None:
    """Raise ValidationError (non-field) when this invitation cannot take a review now."""
    now = now or timezone.now()
    if Review.objects.filter(request_id=invitation.request_id).exists():
        raise ValidationError(
            {NON_FIELD_ERRORS: "You have already reviewed this treatment: one review per request."}
        )
    if now >= invitation.expires_at:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: "Reviews can be written for six months after treatment; "
                f"this one closed on {timezone.localtime(invitation.expires_at):%-d %B %Y}."
            }
        )
    if is_clinic_staff(clinic_id=invitation.clinic_id, user=user, email=invitation.request.email):
        raise ValidationError({NON_FIELD_ERRORS: "Staff of a clinic cannot review their own clinic."})


def _validate(data: ReviewInput, invitation: ReviewInvitation) -> None:
    errors: dict[str, str] = {}
    if not 1 <= data.rating <= 5:
        errors["rating"] = "Choose from 1 to 5 stars."
    for name in ("rating_explanation", "rating_care", "rating_value"):
        value = getattr(data, name)
        if value is not None and not 1 <= value <= 5:
            errors[name] = "Choose from 1 to 5 stars, or leave it out."
    if data.verdict not in Verdict.values:
        errors["verdict"] = "Say whether it was worth it, or that you are not sure."
    if not data.title.strip():
        errors["title"] = "Give your review a title."
    if not data.body.strip():
        errors["body"] = "Tell other patients what happened."
    if not invitation.request.treatments.filter(pk=data.treatment.pk).exists():
        errors["treatment"] = "Choose the treatment you had at this clinic."
    earliest = timezone.localdate(invitation.request.created_at)
    if not earliest <= data.treated_on <= timezone.localdate():
        errors["treated_on"] = f"Give a date between {earliest:%-d %B %Y} and today."
    if errors:
        raise ValidationError(errors)


def submit_review(*, invitation: ReviewInvitation, data: ReviewInput, user: AnyUser) -> Review:
    """Store the patient's review, held for moderation; editors are emailed; audited.

    Raises ValidationError: a non-field error when the request already has a review, the
    six-month window has closed or the writer works for the clinic; field errors otherwise.
    A concurrent second submission hits the one-review-per-request constraint and gets the
    same message.
    """
    check_invitation(invitation, user=user)
    _validate(data, invitation)
    author = user if user is not None and user.is_authenticated else None
    try:
        with transaction.atomic():
            review = Review.objects.create(
                request_id=invitation.request_id,
                clinic_id=invitation.clinic_id,
                author=author,  # type: ignore[misc]
                treatment=data.treatment,
                treated_on=data.treated_on,
                rating=data.rating,
                rating_explanation=data.rating_explanation,
                rating_care=data.rating_care,
                rating_value=data.rating_value,
                verdict=data.verdict,
                title=data.title.strip(),
                body=data.body.strip(),
                display_name=data.display_name.strip(),
            )
            audit.record(
                actor=author,
                action="review.submitted",
                obj=review,
                clinic_id=review.clinic_id,
                data={"request_id": invitation.request_id, "rating": review.rating},
            )
            for user_id, address in moderators():
                queue_email(
                    key=f"review-held:{review.pk}:{user_id}",
                    template="review_held",
                    to=address,
                    context={"clinic_name": invitation.clinic.name, "queue": reverse("reviews:queue")},
                )
    except IntegrityError as error:
        raise ValidationError(
            {NON_FIELD_ERRORS: "You have already reviewed this treatment: one review per request."}
        ) from error
    return review


def _moderate(review: Review, *, actor: AnyUser, to: str, reason: str = "") -> None:
    previous = review.status
    now = timezone.now()
    review.status = to
    review.rejection_reason = reason
    review.moderated_at = now
    review.moderated_by = actor if actor is not None and actor.is_authenticated else None  # type: ignore[assignment]
    if to == ReviewStatus.APPROVED and review.published_at is None:
        review.published_at = now
    review.save(
        update_fields=[
            "status",
            "rejection_reason",
            "moderated_at",
            "moderated_by",
            "published_at",
            "updated_at",
        ]
    )
    refresh_clinic_rating(review.clinic_id)
    audit.record(
        actor=actor,
        action=f"review.{'approved' if to == ReviewStatus.APPROVED else 'rejected'}",
        obj=review,
        clinic_id=review.clinic_id,
        data={"from": previous, "to": to},
    )


def approve_review(*, review: Review, actor: AnyUser) -> Review:
    """Publish a review and update the clinic's rating summary in the same transaction; audited."""
    if review.status == ReviewStatus.APPROVED:
        raise ValidationError({NON_FIELD_ERRORS: "This review is already published."})
    with transaction.atomic():
        _moderate(review, actor=actor, to=ReviewStatus.APPROVED)
        signals.review_published.send(sender=Review, review=review)
        queue_email(
            key=f"review-approved:{review.pk}",
            template="review_approved",
            to=review.request.email,
            context={"clinic_name": review.clinic.name, "clinic_path": review.clinic.get_absolute_url()},
        )
    return review


def reject_review(*, review: Review, actor: AnyUser, reason: str) -> Review:
    """Reject (or take down) a review with a reason the author is emailed; the summary is updated; audited.

    The reason must name the part of the review policy the review breaks.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Tell the author which part of the review policy it breaks."})
    if review.status == ReviewStatus.REJECTED:
        raise ValidationError({NON_FIELD_ERRORS: "This review is already rejected."})
    with transaction.atomic():
        _moderate(review, actor=actor, to=ReviewStatus.REJECTED, reason=reason[:500])
        queue_email(
            key=f"review-rejected:{review.pk}:{review.moderated_at:%Y%m%d%H%M%S}",
            template="review_rejected",
            to=review.request.email,
            context={
                "clinic_name": review.clinic.name,
                "reason": review.rejection_reason,
                "policy_path": reverse("reviews:policy"),
            },
        )
    return review


def reply_to_review(*, review: Review, actor: Any, body: str) -> ReviewReply:
    """The clinic's one public reply to a published review; audited. Raises ValidationError("body")."""
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write your reply first."})
    if len(body) > 3000:
        raise ValidationError({"body": "Keep the reply under 3,000 characters."})
    if review.status != ReviewStatus.APPROVED:
        raise ValidationError({"body": "Only published reviews can be replied to."})
    if not is_clinic_staff(clinic_id=review.clinic_id, user=actor, email=""):
        raise ValidationError({"body": "Only the clinic's staff can reply."})
    try:
        with transaction.atomic():
            reply = ReviewReply.objects.create(review=review, author=actor, body=body)
            audit.record(
                actor=actor,
                action="review.replied",
                obj=review,
                clinic_id=review.clinic_id,
                data={"reply_id": reply.pk},
            )
    except IntegrityError as error:
        raise ValidationError({"body": "The clinic has already replied to this review."}) from error
    return reply


def _ip_hash(ip: str) -> str:
    return keyed_hash(ip, purpose="review-ip")


def report_review(*, review: Review, ip: str, reason: str) -> bool:
    """A reader reports a published review, once per address; it goes to the editors' "Reported" tab.

    Reports never hide a review by themselves: only an editor, against the published policy,
    can take it down. Returns False when this address has already reported it.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say what is wrong with this review."})
    try:
        with transaction.atomic():
            ReviewReport.objects.create(review=review, ip_hash=_ip_hash(ip), reason=reason[:500])
            Review.objects.filter(pk=review.pk).update(report_count=F("report_count") + 1)
            audit.record(actor=None, action="review.reported", obj=review, clinic_id=review.clinic_id)
    except IntegrityError:
        return False
    return True


def mark_helpful(*, review: Review, ip: str) -> bool:
    """Count a reader's "helpful" once per address; returns False for a repeat."""
    try:
        with transaction.atomic():
            HelpfulVote.objects.create(review=review, ip_hash=_ip_hash(ip))
            Review.objects.filter(pk=review.pk).update(helpful_count=F("helpful_count") + 1)
            audit.record(actor=None, action="review.marked_helpful", obj=review, clinic_id=review.clinic_id)
    except IntegrityError:
        return False
    return True


def erase_review(*, review: Review, actor: AnyUser) -> None:
    """Delete a review at its author's request (data erasure); the clinic's summary is updated; audited."""
    with transaction.atomic():
        clinic_id, review_id = review.clinic_id, review.pk
        review.delete()
        refresh_clinic_rating(clinic_id)
        audit.record(actor=actor, action="review.erased", clinic_id=clinic_id, data={"review_id": review_id})
