"""The review rules: who is invited and when, one review per request within six months, not by staff."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from django.core import signing
from django.test import Client
from django.utils import timezone

from cosmediclist.consultations.tests.factories import submit
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from cosmediclist.reviews import periodic, tokens
from cosmediclist.reviews.models import Review, ReviewInvitation, ReviewStatus
from cosmediclist.reviews.tests.factories import review_post
from tests.personas import client_for


def test_a_treated_request_is_invited_a_day_later_by_the_periodic_runner(treated: Any) -> None:
    assert periodic.run()["invited"] == 1
    invitation = ReviewInvitation.objects.get(request=treated)
    assert periodic.run()["invitations_sent"] == 0  # not yet: a day after treatment
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert periodic.run()["invitations_sent"] == 1
        assert periodic.run() == {
            "invited": 0,
            "invitations_sent": 0,
            "check_ins_scheduled": 0,
            "check_ins_sent": 0,
        }
    email = OutgoingEmail.objects.get(template="review_invitation")
    assert email.to == "pia.patient@example.org"
    assert email.context["write_path"].startswith("/reviews/write/")
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert (invitation.expires_at - invitation.treated_at).days in range(181, 185)


def test_the_signed_link_takes_a_review_held_for_moderation(
    client: Client, invitation: Any, treatment: Any
) -> None:
    url = tokens.invitation_path(invitation.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert "Review Wellcare Medical Centre" in page.content.decode()
    response = client.post(url, review_post(treatment))
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.status == ReviewStatus.PENDING
    assert (review.rating, review.verdict, review.display_name) == (4, "worth_it", "Pia P.")
    assert AuditEvent.objects.filter(action="review.submitted", object_id=str(review.pk)).exists()
    # Not public until an editor approves it.
    assert "Calm and clear" not in client.get("/clinics/wellcare-medical-centre-manchester/").content.decode()


def test_a_second_review_for_the_same_request_is_refused_and_changes_nothing(
    client: Client, invitation: Any, treatment: Any
) -> None:
    url = tokens.invitation_path(invitation.pk)
    client.post(url, review_post(treatment))
    again = client.post(url, review_post(treatment, title="Second thoughts", rating="1"))
    assert again.status_code == 400
    assert "already reviewed this treatment" in again.content.decode()
    assert Review.objects.count() == 1
    assert Review.objects.get().title == "Calm and clear"


def test_a_forged_link_gets_a_clear_message(client: Client, invitation: Any, treatment: Any) -> None:
    forged = signing.dumps(invitation.pk, salt="someone-else")
    response = client.post(f"/reviews/write/{forged}/", review_post(treatment))
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    tampered = tokens.invitation_path(invitation.pk)[:-3] + "xyz/"
    assert client.get(tampered).status_code == 400
    assert Review.objects.count() == 0


def test_after_six_months_the_link_says_the_window_closed(
    client: Client, invitation: Any, treatment: Any
) -> None:
    url = tokens.invitation_path(invitation.pk)
    with time_machine.travel(invitation.expires_at + timedelta(minutes=1)):
        response = client.post(url, review_post(treatment))
    assert response.status_code == 400
    assert "six months after treatment" in response.content.decode()
    assert Review.objects.count() == 0


def test_a_link_past_its_signature_age_has_expired(client: Client, invitation: Any) -> None:
    url = tokens.invitation_path(invitation.pk)
    with time_machine.travel(timezone.now() + timedelta(seconds=tokens.INVITATION_MAX_AGE + 60)):
        response = client.get(url)
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_staff_of_the_reviewed_clinic_cannot_review_it(
    invitation: Any, treatment: Any, clinic_staff: Any
) -> None:
    response = client_for(clinic_staff).post(tokens.invitation_path(invitation.pk), review_post(treatment))
    assert response.status_code == 400
    assert "Staff of a clinic cannot review their own clinic" in response.content.decode()
    assert Review.objects.count() == 0


def test_a_request_sent_from_a_staff_address_cannot_review_the_clinic(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    from cosmediclist.reviews.tests.factories import invitation_for, treated_request

    own = treated_request(clinic, treatment, staff=clinic_staff, email=clinic_staff.email.upper())
    response = client.post(tokens.invitation_path(invitation_for(own).pk), review_post(treatment))
    assert response.status_code == 400
    assert Review.objects.count() == 0


def test_bad_fields_are_answered_next_to_the_field_and_keep_what_was_typed(
    client: Client, invitation: Any, treatment: Any
) -> None:
    url = tokens.invitation_path(invitation.pk)
    response = client.post(
        url, review_post(treatment, rating="9", title="", display_name="", body="Kept text")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kept text" in html
    assert "Give a name to show, or tick" in html
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(url, review_post(treatment, treated_on=future))
    assert "and today" in response.content.decode()
    assert Review.objects.count() == 0


def test_declined_and_untreated_requests_are_not_invited(
    clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    from cosmediclist.consultations import services as consultation_services

    waiting = submit(clinic, treatment, token="t-waiting-0000")
    declined = submit(clinic, treatment, token="t-declined-000")
    consultation_services.move_request(
        actor=clinic_staff, request=declined, to_status="declined", reason="No slot"
    )
    assert periodic.invite_treated() == 0
    assert not ReviewInvitation.objects.filter(request__in=[waiting, declined]).exists()
