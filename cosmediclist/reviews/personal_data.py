"""What reviews hold about a patient: their reviews of clinics, outcome check-ins and side-effect reports."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from cosmediclist.consultations.personal_data import requests_of
from cosmediclist.core.personal_data import Holding, NotPersonal, Person, register, stamp
from cosmediclist.reviews.models import OutcomeCheckIn, Review, SideEffectReport
from cosmediclist.reviews.services import erase_review


def _reviews_of(person: Person) -> QuerySet[Review]:
    query = Q(request__in=requests_of(person))
    if person.user_id is not None:
        query |= Q(author_id=person.user_id)
    return Review.objects.filter(query).select_related("clinic", "treatment")


def _export_review(review: Review) -> dict[str, Any]:
    return {
        "clinic": review.clinic.name,
        "treatment": review.treatment.name,
        "treated_on": review.treated_on.isoformat(),
        "rating": review.rating,
        "verdict": review.get_verdict_display(),
        "title": review.title,
        "text": review.body,
        "shown_as": review.display_name or "Anonymous",
        "status": review.get_status_display(),
        "written_at": stamp(review.created_at),
        "published_at": stamp(review.published_at),
    }


def _erase_reviews(rows: QuerySet[Review]) -> int:
    """Each review goes through the service, so the clinic's rating summary is recomputed."""
    erased = 0
    for review in list(rows):
        erase_review(review=review, actor=None)
        erased += 1
    return erased


def _export_report(report: SideEffectReport) -> dict[str, Any]:
    return {
        "clinic": report.clinic.name,
        "request": report.request.reference,
        "what": report.what,
        "since": report.started_on.isoformat(),
        "severity": report.get_severity_display(),
        "reported_at": stamp(report.created_at),
        "handled_at": stamp(report.acknowledged_at),
    }


def _check_ins_of(person: Person) -> QuerySet[OutcomeCheckIn]:
    return OutcomeCheckIn.objects.filter(plan__request__in=requests_of(person)).select_related(
        "clinic", "treatment", "plan__request"
    )


def _export_check_in(check_in: OutcomeCheckIn) -> dict[str, Any]:
    return {
        "request": check_in.plan.request.reference,
        "clinic": check_in.clinic.name,
        "treatment": check_in.treatment.name,
        "months_after": check_in.months,
        "due_at": stamp(check_in.due_at),
        "sent_at": stamp(check_in.sent_at),
        "stopped_at": stamp(check_in.cancelled_at),
        "results_still_visible": check_in.get_visible_display() if check_in.visible else None,
        "side_effect_since_last_session": check_in.get_side_effect_display()
        if check_in.side_effect
        else None,
        "would_have_it_again": check_in.get_again_display() if check_in.again else None,
        "answered_at": stamp(check_in.answered_at),
    }


def _delete(rows: QuerySet[Any]) -> int:
    return int(rows.delete()[0])


ADDRESS_HASH = (
    "A keyed hash of the address a reader's vote or report came from, so that each counts once; "
    "it cannot be tied to a person without the site's secret key."
)

register(
    [
        Holding(
            model="reviews.review",
            section="Reviews",
            description="Reviews you wrote of the clinics that treated you.",
            find=_reviews_of,
            export=_export_review,
            erase=_erase_reviews,
            order=5,
            erasure="Deleted; the clinic's rating and distribution are recomputed.",
            kept="As long as the review is published, or until you erase it.",
        ),
        Holding(
            model="reviews.outcomecheckin",
            section="Outcome check-ins",
            description="The short questions sent 3, 6 and 12 months after a treatment plan, with your answers.",
            find=_check_ins_of,
            export=_export_check_in,
            erase=_delete,
            order=5,
            retention="REQUEST_RETENTION_DAYS",
            erasure="Deleted; the treatment's outcome figures no longer count your answers.",
        ),
        Holding(
            model="reviews.sideeffectreport",
            section="Side-effect reports",
            description="What you told a clinic had gone wrong after a treatment, encrypted at rest.",
            find=lambda person: SideEffectReport.objects.filter(
                request__in=requests_of(person)
            ).select_related("clinic", "request"),
            export=_export_report,
            erase=_delete,
            order=5,
            retention="REQUEST_RETENTION_DAYS",
            erasure="Deleted.",
        ),
    ],
    not_personal=[
        NotPersonal(
            "reviews.reviewreply", "A clinic's public reply, written by its staff in their work role."
        ),
        NotPersonal("reviews.reviewreport", ADDRESS_HASH),
        NotPersonal("reviews.helpfulvote", ADDRESS_HASH),
    ],
)
