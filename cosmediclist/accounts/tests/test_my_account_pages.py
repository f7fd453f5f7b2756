"""My account: requests with what happens next and my review, withdraw, printable answers, calendar
files and feed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import give_patient_data
from cosmediclist.consultations.models import Status
from cosmediclist.consultations.services import move_request
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from cosmediclist.reviews.services import submit_review
from cosmediclist.reviews.tests.factories import invitation_for, review_input
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_my_requests_show_status_plan_reminders_and_the_clinic_contact(
    patient: User, clinic_staff: User, django_assert_num_queries: Any
) -> None:
    data = give_patient_data(patient, clinic_staff)
    data.clinic.phone = "0161 496 0000"
    data.clinic.save()
    client = client_for(patient)
    with django_assert_num_queries(11):
        page = client.get("/account/requests/").content.decode()
    assert data.request.reference in page and "Booked" in page
    assert "1 High Street, Manchester, M1 1AA" in page and "0161 496 0000" in page
    assert "Session 2" in page and "calendar file" in page and "7 days before: due" in page


def test_a_calendar_file_can_be_downloaded_again(patient: User, clinic_staff: User) -> None:
    data = give_patient_data(patient, clinic_staff)
    response = client_for(patient).get(f"/account/requests/{data.request.reference}/sessions/1.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content and b"Wellcare Medical Centre" in response.content


def test_other_people_cannot_reach_my_request(patient: User, clinic_staff: User, reader: User) -> None:
    data = give_patient_data(patient, clinic_staff)
    other = client_for(reader)
    reference = data.request.reference
    assert other.get(f"/account/requests/{reference}/answers/").status_code == 404
    assert other.get(f"/account/requests/{reference}/sessions/1.ics").status_code == 404
    assert other.post(f"/account/requests/{reference}/withdraw/").status_code == 404
    assert client_for(clinic_staff).get(f"/account/requests/{reference}/answers/").status_code == 404
    assert Client().get("/account/requests/").status_code == 302


def test_the_printable_summary_shows_my_answers(patient: User, clinic_staff: User) -> None:
    data = give_patient_data(patient, clinic_staff)
    page = client_for(patient).get(f"/account/requests/{data.request.reference}/answers/").content.decode()
    assert "Warfarin since 2019" in page and "Softer stretch marks" in page
    assert "print" in page


def test_withdrawing_closes_the_request_tells_the_clinic_and_is_audited(
    patient: User, clinic_staff: User
) -> None:
    data = give_patient_data(patient, clinic_staff)
    response = client_for(patient).post(f"/account/requests/{data.request.reference}/withdraw/")
    assert response.status_code == 302
    data.request.refresh_from_db()
    assert data.request.status == "closed" and data.request.withdrawn_at is not None
    assert OutgoingEmail.objects.filter(template="consultation_withdrawn", to=clinic_staff.email).exists()
    assert AuditEvent.objects.filter(action="consultation.withdrawn", actor=patient).exists()
    assert not data.request.plans.get().reminders.filter(queued_at__isnull=True, cancelled_at__isnull=True)


def test_the_secret_calendar_feed_works_until_revoked(patient: User, clinic_staff: User) -> None:
    give_patient_data(patient, clinic_staff)
    client = client_for(patient)
    page = client.post("/account/calendar/", {"action": "create"}).content.decode()
    feed = page.split('<code class="feed-url">')[1].split("</code>")[0]
    path = feed.replace("http://testserver", "")
    body = Client().get(path).content
    assert body.count(b"BEGIN:VEVENT") == 2
    client.post("/account/calendar/", {"action": "revoke"})
    assert Client().get(path).status_code == 404


def test_email_preferences_are_saved_and_audited(patient: User) -> None:
    client = client_for(patient)
    response = client.post("/account/email-preferences/", {"review_emails": "on"})
    assert response.status_code == 302
    prefs = patient.email_preferences
    assert (prefs.plan_reminders, prefs.review_emails, prefs.comment_emails) == (False, True, False)
    assert AuditEvent.objects.filter(action="account.preferences_changed").exists()


def test_my_comments_are_listed(patient: User, clinic_staff: User) -> None:
    give_patient_data(patient, clinic_staff)
    assert "My own words about mesotherapy" in client_for(patient).get("/account/comments/").content.decode()


def test_my_review_is_shown_with_its_request(patient: User, clinic_staff: User) -> None:
    data = give_patient_data(patient, clinic_staff)
    move_request(actor=clinic_staff, request=data.request, to_status=Status.TREATED)
    treatment = data.request.treatments.get()
    submit_review(
        invitation=invitation_for(data.request),
        data=review_input(treatment, title="Gentle and well explained"),
        user=patient,
    )
    page = client_for(patient).get("/account/requests/").content.decode()
    assert "Gentle and well explained" in page and "4 out of 5" in page and "awaiting moderation" in page
