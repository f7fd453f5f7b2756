"""The patient follows the request through a signed link: no account needed, nothing without it."""

from __future__ import annotations

from django.test import Client

from cosmediclist.consultations import tokens
from cosmediclist.consultations.tests.factories import clear


def test_the_signed_link_shows_status_and_a_printable_summary(client: Client, consultation) -> None:
    path = tokens.status_path(consultation.reference)
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert consultation.reference in page and "Warfarin since 2019" in page
    assert response["Cache-Control"] == "private, no-store"
    token = path.split("?t=")[1]
    summary = client.get(f"/consultations/{consultation.reference}/summary.txt", {"t": token})
    assert summary.status_code == 200
    assert "Do you take blood-thinning medicine" in summary.content.decode()
    assert "attachment" in summary["Content-Disposition"]


def test_without_a_valid_token_the_page_is_not_found(client: Client, consultation, other_clinic) -> None:
    assert client.get(f"/consultations/{consultation.reference}/").status_code == 404
    assert client.get(f"/consultations/{consultation.reference}/", {"t": "forged"}).status_code == 404
    other_token = tokens.status_token("CML-0000-0000")
    assert client.get(f"/consultations/{consultation.reference}/", {"t": other_token}).status_code == 404
    assert client.get(f"/consultations/{consultation.reference}/summary.txt").status_code == 404


def test_the_response_time_formula_is_published(client: Client, db) -> None:
    response = client.get("/consultations/response-times/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    assert "median" in response.content.decode()


def test_the_signed_page_shows_next_steps_plan_files_reminders_and_withdraws_the_request(
    client: Client, consultation, clinic_staff, clinician, treatment, django_assert_num_queries
) -> None:
    from datetime import UTC, datetime

    from cosmediclist.consultations import services
    from cosmediclist.consultations.models import Reminder, Status
    from cosmediclist.core.models import AuditEvent

    clear(consultation, clinician)
    starts = services.default_session_starts(treatment, datetime(2031, 3, 3, 10, 0, tzinfo=UTC))
    services.record_plan(
        actor=clinic_staff, request=consultation, treatment=treatment, starts=starts, duration_minutes=45
    )
    path = tokens.status_path(consultation.reference)
    token = path.split("?t=")[1]
    with django_assert_num_queries(QUERIES):
        page = client.get(path).content.decode()
    assert "What happens next" in page
    ics = f"/consultations/{consultation.reference}/sessions/1.ics?t={token}"
    assert ics.replace(":", "%3A") in page  # the token, URL-encoded
    assert "due 24 February 2031" in page  # the week-before reminder of the first session
    assert "Withdraw this request" in page
    download = client.get(ics)
    assert download.status_code == 200 and b"BEGIN:VEVENT" in download.content
    assert client.get(f"/consultations/{consultation.reference}/sessions/1.ics?t=forged").status_code == 404

    withdraw = f"/consultations/{consultation.reference}/withdraw/"
    assert client.post(withdraw).status_code == 404
    assert client.post(withdraw, QUERY_STRING="t=forged").status_code == 404
    assert client.get(f"{withdraw}?t={token}").status_code == 405
    consultation.refresh_from_db()
    assert consultation.withdrawn_at is None
    response = client.post(f"{withdraw}?t={token}", follow=True)
    # Back to the signed page (a fresh token: it carries the time it was signed).
    assert response.redirect_chain[0][0].startswith(f"/consultations/{consultation.reference}/?t=")
    page = response.content.decode()
    assert "is withdrawn" in page and "Withdrawn by you" in page and "Withdraw this request" not in page
    consultation.refresh_from_db()
    assert consultation.status == Status.CLOSED
    assert not Reminder.objects.filter(plan__request=consultation, cancelled_at__isnull=True).exists()
    event = AuditEvent.objects.get(action="consultation.withdrawn")
    assert event.data == {"reference": consultation.reference} and event.actor is None


QUERIES = 12  # the same with one session or four: no query per session or reminder
