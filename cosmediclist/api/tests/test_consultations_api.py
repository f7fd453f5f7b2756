"""Consultation requests through the API: the questionnaire, submission, status, plans and inbox."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.api.keys import NewKey
from cosmediclist.api.tests.helpers import bearer, request_payload
from cosmediclist.consultations import services, tokens
from cosmediclist.consultations.models import ConsultationRequest, Flag, IntakeAnswer
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from tests.personas import client_for

URL = "/api/v1/consultations/requests"
HEALTH_DETAIL = "Warfarin since 2019"


def post(client: Client, payload: Any, **headers: Any) -> Any:
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", **headers)


def test_the_questionnaire_lists_the_questions_of_the_chosen_treatments(treatment: Any) -> None:
    response = Client().get("/api/v1/consultations/questions", {"treatment": [treatment.slug]})
    assert response.status_code == 200
    body = response.json()
    assert body["treatments"] == ["mesotherapy"]
    assert [q["slug"] for q in body["questions"]] == [
        "anticoagulants-bleeding-disorder",
        "pregnancy-breastfeeding",
        "recent-vaccination-or-antibiotics",
    ]
    assert body["questions"][0]["treatments"] == ["mesotherapy"]


def test_an_unknown_treatment_is_named_in_the_error(treatment: Any) -> None:
    response = Client().get("/api/v1/consultations/questions", {"treatment": ["mesotherapy", "nope"]})
    assert response.status_code == 404
    assert response.json() == {"detail": "Unknown treatment: nope.", "field": "treatment"}
    assert Client().get("/api/v1/consultations/questions").status_code == 422


def test_a_partner_submits_a_request_as_the_form_does(
    partner_key: NewKey, clinic: Any, treatment: Any, clinic_staff: User
) -> None:
    response = post(Client(), request_payload(clinic, treatment), **bearer(partner_key))
    assert response.status_code == 201, response.content
    made = ConsultationRequest.objects.get()
    (sent,) = response.json()["requests"]
    assert sent["reference"] == made.reference
    assert (sent["clinic"], sent["status"]) == ("wellcare-medical-centre-manchester", "new")
    assert tokens.is_valid_status_token(made.reference, sent["status_token"])
    assert sent["status_url"] == f"http://testserver/consultations/{made.reference}/?t={sent['status_token']}"
    assert made.flag == Flag.CLINICIAN_REVIEW  # the same service flags the yes answer
    assert IntakeAnswer.objects.filter(request=made).count() == 3
    assert set(OutgoingEmail.objects.values_list("template", flat=True)) == {
        "consultation_received",
        "consultation_new_clinic",
    }
    text = response.content.decode()
    assert HEALTH_DETAIL not in text and "@" not in text
    event = AuditEvent.objects.get(action="api.request_submitted")
    assert event.data == {"reference": made.reference, "api_key": partner_key.key.prefix}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not an address"}, "email"),
        ({"name": "   "}, "name"),
        ({"phone": "call me"}, "phone"),
        ({"contact_method": "phone", "phone": ""}, "phone"),
        ({"contact_method": "pigeon"}, "contact_method"),
        ({"clinics": []}, "clinics"),
        ({"clinics": ["no-such-clinic"]}, "clinics"),
        ({"treatments": ["botox-x"]}, "treatments"),
        ({"concerns": ["stretch-marks", "stretch-marks"]}, "concerns"),
        ({"is_adult_confirmed": False}, "is_adult_confirmed"),
        ({"answers": []}, "answers.anticoagulants-bleeding-disorder"),
        ({"hopes": "x" * 2001}, "hopes"),
    ],
)
def test_errors_are_json_naming_the_field(
    partner_key: NewKey, clinic: Any, treatment: Any, change: dict[str, Any], field: str
) -> None:
    response = post(Client(), request_payload(clinic, treatment, **change), **bearer(partner_key))
    assert response.status_code == 422, response.content
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not ConsultationRequest.objects.exists()


@pytest.mark.parametrize("body", ["", "{", "[]", "null", '{"clinics": "x"}', "\x00"])
def test_malformed_bodies_get_a_json_error_not_a_500(partner_key: NewKey, body: str) -> None:
    response = post(Client(), body, **bearer(partner_key))
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")


def test_a_clinic_not_verified_is_refused(partner_key: NewKey, clinic: Any, treatment: Any) -> None:
    clinic.is_verified = False
    clinic.save()
    response = post(Client(), request_payload(clinic, treatment), **bearer(partner_key))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "clinics"


def _submitted(clinic: Any, treatment: Any, partner_key: NewKey, **changes: Any) -> dict[str, Any]:
    response = post(Client(), request_payload(clinic, treatment, **changes), **bearer(partner_key))
    assert response.status_code == 201
    return dict(response.json()["requests"][0])


def test_the_patient_reads_their_status_and_answers_with_the_token(
    partner_key: NewKey, clinic: Any, treatment: Any
) -> None:
    sent = _submitted(clinic, treatment, partner_key)
    url = f"/api/v1/consultations/requests/{sent['reference']}/status"
    response = Client().get(url, {"token": sent["status_token"]})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "new" and body["clinic"] == "wellcare-medical-centre-manchester"
    assert any(a["detail"] == HEALTH_DETAIL + " for a heart valve" for a in body["answers"])
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(action="consultation.viewed_by_patient").count() == 1


def test_a_wrong_token_or_another_requests_token_gets_404(
    partner_key: NewKey, clinic: Any, treatment: Any
) -> None:
    sent = _submitted(clinic, treatment, partner_key)
    url = f"/api/v1/consultations/requests/{sent['reference']}/status"
    assert Client().get(url, {"token": "forged"}).status_code == 404
    assert Client().get(url, {"token": tokens.status_token("CML-0000-0000")}).status_code == 404
    assert Client().get(url).status_code == 422


# A "no" to each of the treatment's screening questions (the factories' mesotherapy asks three).
NO_TO_EVERY_QUESTION = [
    {"question": slug, "answer": "no", "detail": ""}
    for slug in [
        "pregnancy-breastfeeding",
        "anticoagulants-bleeding-disorder",
        "recent-vaccination-or-antibiotics",
    ]
]


def _signed_in(patient: User) -> tuple[Client, str]:
    """The patient's browser session and its CSRF token, as the site's pages set them."""
    client = client_for(patient)
    client.get("/account/")
    return client, client.cookies["csrftoken"].value


def test_the_signed_in_patient_sees_their_plans_and_no_one_else(
    patient: User,
    reader: User,
    clinic: Any,
    treatment: Any,
    clinic_staff: User,
    django_assert_num_queries: Any,
) -> None:
    client, token = _signed_in(patient)
    answers = NO_TO_EVERY_QUESTION
    payload = request_payload(clinic, treatment, answers=answers)
    response = post(client, payload, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201
    made = ConsultationRequest.objects.get()
    first = timezone.now() + timedelta(days=7)
    services.record_plan(
        actor=clinic_staff, request=made, treatment=treatment, starts=[first], duration_minutes=60
    )
    with django_assert_num_queries(11):
        mine = client.get("/api/v1/me/plans")
    assert mine.status_code == 200
    body = mine.json()
    assert body["count"] == 1
    assert body["items"][0]["plans"][0]["treatment"] == "mesotherapy"
    assert '"answers"' not in mine.content.decode()
    assert client_for(reader).get("/api/v1/me/plans").json()["count"] == 0
    assert Client().get("/api/v1/me/plans").status_code == 401


def test_a_clinic_key_reads_its_own_inbox_only_without_health_answers(
    partner_key: NewKey,
    inbox_key: NewKey,
    clinic: Any,
    other_clinic: Any,
    treatment: Any,
    django_assert_num_queries: Any,
) -> None:
    _submitted(clinic, treatment, partner_key)
    _submitted(other_clinic, treatment, partner_key)
    mine = ConsultationRequest.objects.get(clinic=clinic)
    response = Client().get("/api/v1/inbox/requests", **bearer(inbox_key))
    assert response.status_code == 200
    body = response.json()
    assert [r["reference"] for r in body["items"]] == [mine.reference]
    text = response.content.decode()
    assert HEALTH_DETAIL not in text and "@" not in text
    # The key, its rate limit (which takes more queries on the database cache than on Redis),
    # the audit event, the count, one page and its treatments: the same whatever the page holds.
    queries = 20 if connection.vendor == "postgresql" else 19
    with django_assert_num_queries(queries):
        Client().get("/api/v1/inbox/requests", **bearer(inbox_key))
    for n in range(5):
        _submitted(clinic, treatment, partner_key, name=f"Person {n}")
    with django_assert_num_queries(queries):
        many = Client().get("/api/v1/inbox/requests", **bearer(inbox_key))
    assert many.json()["count"] == 6
    assert Client().get("/api/v1/inbox/requests", **bearer(partner_key)).status_code == 403
    assert (
        Client().get("/api/v1/inbox/requests", {"status": "nonsense"}, **bearer(inbox_key)).status_code == 422
    )


def test_the_patients_plans_run_the_same_queries_for_one_or_three_requests(
    patient: User,
    clinic: Any,
    other_clinic: Any,
    treatment: Any,
    clinic_staff: User,
    other_clinic_staff: User,
    django_assert_num_queries: Any,
) -> None:
    client, token = _signed_in(patient)
    answers = NO_TO_EVERY_QUESTION
    week = timezone.now() + timedelta(days=7)
    assert (
        post(client, request_payload(clinic, treatment, answers=answers), HTTP_X_CSRFTOKEN=token).status_code
        == 201
    )
    first = ConsultationRequest.objects.get()
    services.record_plan(
        actor=clinic_staff, request=first, treatment=treatment, starts=[week], duration_minutes=60
    )
    with django_assert_num_queries(11):
        assert client.get("/api/v1/me/plans").json()["count"] == 1
    both = request_payload(
        clinic, treatment, answers=answers, clinics=[clinic.slug, other_clinic.slug], hopes="A second opinion"
    )
    assert post(client, both, HTTP_X_CSRFTOKEN=token).status_code == 201
    for made in ConsultationRequest.objects.exclude(pk=first.pk):
        staff = clinic_staff if made.clinic_id == clinic.pk else other_clinic_staff
        services.record_plan(
            actor=staff,
            request=made,
            treatment=treatment,
            starts=[week, week + timedelta(days=28)],
            duration_minutes=60,
        )
    with django_assert_num_queries(11):
        body = client.get("/api/v1/me/plans").json()
    assert body["count"] == 3
    assert [len(item["plans"][0]["sessions"]) for item in body["items"]] == [2, 2, 1]
