"""Every inbox URL and method: the clinic's staff get in; everyone else gets 404 or the sign-in page."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.consultations import services
from cosmediclist.consultations.tests.factories import clear, submit
from cosmediclist.core.models import AuditEvent
from tests.personas import client_for


def inbox_urls(consultation, session) -> list[tuple[str, str]]:
    ref, session_id = consultation.reference, session.pk
    return [
        ("get", f"/portal/inbox/{ref}/"),
        ("post", f"/portal/inbox/{ref}/move/"),
        ("post", f"/portal/inbox/{ref}/notes/"),
        ("post", f"/portal/inbox/{ref}/review/"),
        ("get", f"/portal/inbox/{ref}/plan/"),
        ("post", f"/portal/inbox/{ref}/plan/"),
        ("post", f"/portal/inbox/{ref}/sessions/{session_id}/move/"),
        ("post", f"/portal/inbox/{ref}/sessions/{session_id}/cancel/"),
        ("post", f"/portal/inbox/{ref}/plans/{session.plan_id}/cancel/"),
    ]


@pytest.fixture
def planned(consultation, clinic_staff, clinician, treatment):
    from datetime import UTC, datetime

    clear(consultation, clinician)
    plan = services.record_plan(
        actor=clinic_staff,
        request=consultation,
        treatment=treatment,
        starts=[datetime(2031, 3, 1, 10, tzinfo=UTC)],
        duration_minutes=45,
    )
    return plan.sessions.get()


@pytest.mark.parametrize("persona", ["other_clinic_staff", "reader", "patient", "editor", "admin"])
def test_anyone_but_the_clinics_staff_gets_404_on_every_inbox_url(
    request, persona, consultation, planned, other_clinic
) -> None:
    client = client_for(request.getfixturevalue(persona))
    for method, url in inbox_urls(consultation, planned):
        response = getattr(client, method)(
            url, {"status": "contacted", "body": "x", "starts_at": "2031-01-01T10:00"}
        )
        assert response.status_code == 404, (persona, method, url)
    listing = client.get("/portal/inbox/")
    assert consultation.reference not in listing.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(consultation, planned) -> None:
    client = Client()
    for method, url in [*inbox_urls(consultation, planned), ("get", "/portal/inbox/")]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/account/" in response["Location"], url


def test_the_clinics_staff_see_the_request_and_each_view_is_audited(staff_client, consultation) -> None:
    response = staff_client.get(f"/portal/inbox/{consultation.reference}/")
    assert response.status_code == 200
    assert "Warfarin since 2019" in response.content.decode()
    event = AuditEvent.objects.filter(action="consultation.viewed").get()
    assert event.clinic_id == consultation.clinic_id and event.object_id == str(consultation.pk)
    assert "Warfarin" not in str(event.data)


def test_a_plan_of_another_request_of_the_same_clinic_is_404_under_this_reference(
    staff_client, consultation, planned, clinic, treatment
) -> None:

    other = submit(clinic, treatment, token="another-token-0123456789")
    response = staff_client.post(f"/portal/inbox/{other.reference}/plans/{planned.plan_id}/cancel/")
    assert response.status_code == 404
    planned.plan.refresh_from_db()
    assert planned.plan.status == "active"
