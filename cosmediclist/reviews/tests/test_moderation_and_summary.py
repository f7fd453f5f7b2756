"""Moderation by editors, the rating summary it keeps, staff replies, reader reports and the Bayesian sort."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cosmediclist.core.models import AuditEvent
from cosmediclist.directory.models import Clinic
from cosmediclist.notifications.models import OutgoingEmail
from cosmediclist.reviews import rating, services
from cosmediclist.reviews.models import ClinicRating, Review, ReviewStatus, VerdictTally
from cosmediclist.reviews.tests.factories import (
    approved_review,
    invitation_for,
    review_input,
    treated_request,
)
from tests.personas import client_for


def pending_review(clinic: Any, treatment: Any, staff: Any, **changes: Any) -> Review:
    request = treated_request(clinic, treatment, staff=staff)
    return services.submit_review(
        invitation=invitation_for(request), data=review_input(treatment, **changes), user=None
    )


def test_approving_publishes_and_updates_the_summary(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    review = pending_review(clinic, treatment, clinic_staff, rating=5)
    response = client_for(editor).post(f"/moderation/reviews/{review.pk}/approve/")
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    summary = ClinicRating.objects.get(clinic=clinic)
    assert (summary.review_count, summary.average, summary.stars_5) == (1, Decimal("5.00"), 1)
    assert summary.bayesian_average == Decimal("3.33")
    clinic.refresh_from_db()
    assert (clinic.rating_count, clinic.rating_average) == (1, Decimal("5.00"))
    assert VerdictTally.objects.get(clinic=clinic, treatment=treatment).worth_it == 1
    assert AuditEvent.objects.filter(action="review.approved", actor=editor).exists()
    assert OutgoingEmail.objects.filter(template="review_approved", to=review.request.email).exists()
    html = client.get("/clinics/wellcare-medical-centre-manchester/").content.decode()
    assert "Calm and clear" in html and "Verified patient" in html and "5.0 out of 5" in html


def test_rejecting_needs_a_reason_that_the_author_is_sent(
    clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    review = pending_review(clinic, treatment, clinic_staff)
    response = client_for(editor).post(f"/moderation/reviews/{review.pk}/reject/", {"reason": "  "})
    assert response.status_code == 400
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.PENDING
    client_for(editor).post(
        f"/moderation/reviews/{review.pk}/reject/", {"reason": "Names a member of staff."}
    )
    review.refresh_from_db()
    assert (review.status, review.rejection_reason) == (ReviewStatus.REJECTED, "Names a member of staff.")
    email = OutgoingEmail.objects.get(template="review_rejected")
    assert email.context["reason"] == "Names a member of staff."
    assert AuditEvent.objects.filter(action="review.rejected", object_id=str(review.pk)).exists()


def test_taking_down_a_published_review_updates_the_distribution(
    clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    kept = approved_review(
        clinic, treatment, staff=clinic_staff, editor=editor, rating=2, verdict="not_worth_it"
    )
    removed = approved_review(clinic, treatment, staff=clinic_staff, editor=editor, rating=4)
    services.reject_review(review=removed, actor=editor, reason="Advertising for another clinic.")
    summary = ClinicRating.objects.get(clinic=clinic)
    assert (summary.review_count, summary.average, summary.stars_2, summary.stars_4) == (
        1,
        Decimal("2.00"),
        1,
        0,
    )
    tally = VerdictTally.objects.get(clinic=clinic, treatment=treatment)
    assert (tally.worth_it, tally.not_worth_it) == (0, 1)
    services.erase_review(review=kept, actor=None)
    summary.refresh_from_db()
    assert (summary.review_count, summary.average, summary.bayesian_average) == (0, None, None)


def test_readers_and_clinic_staff_cannot_moderate(
    client: Client, reader: Any, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    review = pending_review(clinic, treatment, clinic_staff)
    assert client.get("/moderation/reviews/").status_code == 302  # to sign in
    assert client_for(reader).get("/moderation/reviews/").status_code == 403
    assert (
        client_for(clinic_staff).post(f"/moderation/reviews/{review.pk}/reject/", {"reason": "x"}).status_code
        == 403
    )
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.PENDING


def test_the_queue_lists_pending_and_reported_reviews(
    clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    pending_review(clinic, treatment, clinic_staff, title="Waiting here")
    published = approved_review(
        clinic, treatment, staff=clinic_staff, editor=editor, title="Reported one", rating=1
    )
    assert services.report_review(review=published, ip="203.0.113.5", reason="I think it is fake")
    assert not services.report_review(review=published, ip="203.0.113.5", reason="again")
    staff = client_for(editor)
    assert "Waiting here" in staff.get("/moderation/reviews/").content.decode()
    reported = staff.get("/moderation/reviews/?status=reported").content.decode()
    assert "Reported one" in reported and "I think it is fake" in reported
    # A report never hides a review by itself.
    assert Review.objects.get(pk=published.pk).status == ReviewStatus.APPROVED


def test_staff_reply_once_publicly_and_other_clinics_get_404(
    client: Client,
    clinic: Any,
    other_clinic: Any,
    treatment: Any,
    clinic_staff: Any,
    other_clinic_staff: Any,
    editor: Any,
) -> None:
    review = approved_review(clinic, treatment, staff=clinic_staff, editor=editor)
    assert (
        client_for(other_clinic_staff).post(f"/portal/reviews/{review.pk}/reply/", {"body": "Hi"}).status_code
        == 404
    )
    assert "Calm and clear" not in client_for(other_clinic_staff).get("/portal/reviews/").content.decode()
    staff = client_for(clinic_staff)
    assert "Calm and clear" in staff.get("/portal/reviews/").content.decode()
    assert staff.post(f"/portal/reviews/{review.pk}/reply/", {"body": "Thank you, Pia."}).status_code == 302
    second = staff.post(f"/portal/reviews/{review.pk}/reply/", {"body": "And again"})
    assert second.status_code == 400
    assert "already replied" in second.content.decode()
    html = client.get("/clinics/wellcare-medical-centre-manchester/").content.decode()
    assert (
        "Reply from Wellcare Medical Centre" in html and "Thank you, Pia." in html and "And again" not in html
    )
    assert AuditEvent.objects.filter(action="review.replied", actor=clinic_staff).count() == 1


def test_replying_to_an_unpublished_review_is_refused(clinic: Any, treatment: Any, clinic_staff: Any) -> None:
    review = pending_review(clinic, treatment, clinic_staff)
    with pytest.raises(ValidationError):
        services.reply_to_review(review=review, actor=clinic_staff, body="Thanks")


def test_the_bayesian_average_keeps_one_five_star_review_below_fifty_at_four_point_eight() -> None:
    one = rating.bayesian_average(count=1, total=5)
    fifty = rating.bayesian_average(count=50, total=240)
    assert one is not None and fifty is not None
    assert fifty > one
    assert (one, fifty) == (Decimal("3.33"), Decimal("4.64"))


def test_search_by_rating_sorts_by_the_bayesian_average_and_says_how(
    client: Client, clinic: Any, other_clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    # Wellcare: one 5-star review. Thames Skin Rooms, moved near Manchester here: four at 4.5 on average.
    Clinic.objects.filter(pk=other_clinic.pk).update(latitude=53.47, longitude=-2.25)
    approved_review(clinic, treatment, staff=clinic_staff, editor=editor, rating=5)
    for stars in (5, 4, 5, 4):
        approved_review(other_clinic, treatment, staff=clinic_staff, editor=editor, rating=stars)
    Clinic.objects.create(
        name="Unrated",
        slug="unrated",
        address="x",
        town="Manchester",
        postcode="M1",
        latitude=53.4,
        longitude=-2.2,
    )
    html = client.get("/clinics/?sort=rating").content.decode()
    assert html.index("Thames Skin Rooms") < html.index("Wellcare Medical Centre")
    assert "how it is computed" in html
    near = client.get("/clinics/?sort=rating&near=Manchester").content.decode()
    assert near.index("Thames Skin Rooms") < near.index("Wellcare Medical Centre")


def test_without_reviews_the_default_order_is_not_called_rating(
    client: Client, clinic: Any, other_clinic: Any
) -> None:
    html = client.get("/clinics/").content.decode()
    assert "Sorted by name, because none of these clinics has a review yet" in html
    assert "Sorted by distance" in client.get("/clinics/?near=Manchester").content.decode()
