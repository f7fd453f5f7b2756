"""API keys: hashed, shown once, scoped, revocable, rate limited per key; sessions need CSRF."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.api import keys
from cosmediclist.api.keys import NewKey
from cosmediclist.api.models import ApiKey
from cosmediclist.api.tests.helpers import bearer, request_payload
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.core.models import AuditEvent
from tests.personas import client_for

URL = "/api/v1/consultations/requests"


def post(client: Client, payload: dict[str, Any], **headers: Any) -> Any:
    return client.post(URL, json.dumps(payload), content_type="application/json", **headers)


def test_only_a_hash_of_the_key_is_stored_and_creation_is_audited(partner_key: NewKey) -> None:
    stored = ApiKey.objects.get(pk=partner_key.key.pk)
    assert partner_key.secret.startswith(f"cml_{stored.prefix}_")
    values = json.dumps([str(v) for v in ApiKey.objects.values_list().get(pk=stored.pk)])
    assert partner_key.secret not in values
    assert partner_key.secret.split("_", 2)[2] not in values
    event = AuditEvent.objects.get(action="api.key_created")
    assert event.object_id == str(stored.pk)
    assert partner_key.secret not in json.dumps(event.data)


def test_a_key_works_in_either_header(partner_key: NewKey, clinic: Any, treatment: Any) -> None:
    client = Client()
    first = post(client, request_payload(clinic, treatment), **bearer(partner_key))
    assert first.status_code == 201, first.content
    second = post(
        client, request_payload(clinic, treatment, name="Second Person"), HTTP_X_API_KEY=partner_key.secret
    )
    assert second.status_code == 201, second.content
    assert ConsultationRequest.objects.count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_AUTHORIZATION": "Bearer cml_nothere_xxxxxxxx"},
        {"HTTP_X_API_KEY": "not-a-key"},
        {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
    ],
)
def test_a_missing_or_wrong_key_is_refused(headers: dict[str, str], clinic: Any, treatment: Any) -> None:
    response = post(Client(enforce_csrf_checks=True), request_payload(clinic, treatment), **headers)
    assert response.status_code in (401, 403)
    assert "detail" in response.json()
    assert not ConsultationRequest.objects.exists()


def test_a_wrong_key_gets_401(clinic: Any, treatment: Any) -> None:
    response = post(
        Client(), request_payload(clinic, treatment), HTTP_AUTHORIZATION="Bearer cml_abcd1234_wrong"
    )
    assert response.status_code == 401


def test_a_revoked_key_is_refused_at_once(
    partner_key: NewKey, admin: User, clinic: Any, treatment: Any
) -> None:
    keys.revoke_key(actor=admin, key=partner_key.key)
    response = post(Client(), request_payload(clinic, treatment), **bearer(partner_key))
    assert response.status_code == 401
    assert AuditEvent.objects.filter(action="api.key_revoked", object_id=str(partner_key.key.pk)).exists()


def test_a_key_without_the_scope_gets_403(admin: User, clinic: Any, treatment: Any) -> None:
    reader_only = keys.create_key(actor=admin, name="Reader", scopes=["read"])
    response = post(Client(), request_payload(clinic, treatment), **bearer(reader_only))
    assert response.status_code == 403
    assert "submit" in response.json()["detail"]


def test_the_inbox_scope_needs_a_clinic(admin: User) -> None:
    with pytest.raises(Exception, match="clinic"):
        keys.create_key(actor=admin, name="Nope", scopes=["inbox"])


def test_each_key_has_its_own_rate_limit_with_retry_after(admin: User, partner_key: NewKey) -> None:
    slow = keys.create_key(actor=admin, name="Slow", scopes=["submit"], rate_limit_per_minute=2)
    client = Client()
    answers = [post(client, {}, **bearer(slow)).status_code for _ in range(3)]
    assert answers == [422, 422, 429]
    refused = post(client, {}, **bearer(slow))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert post(client, {}, **bearer(partner_key)).status_code == 422  # another key is not held back


def test_the_rate_limit_is_counted_in_the_shared_redis_cache(redis_cache: None, admin: User) -> None:
    slow = keys.create_key(actor=admin, name="Slow", scopes=["submit"], rate_limit_per_minute=1)
    client = Client()
    assert post(client, {}, **bearer(slow)).status_code == 422
    assert post(client, {}, **bearer(slow)).status_code == 429


def test_a_signed_in_session_needs_the_csrf_token(patient: User, clinic: Any, treatment: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(patient)
    refused = post(client, request_payload(clinic, treatment))
    assert refused.status_code == 403
    assert not ConsultationRequest.objects.exists()
    client.get("/account/")  # any page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = post(client, request_payload(clinic, treatment), HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201, accepted.content
    assert ConsultationRequest.objects.get().user == patient


def test_admin_makes_a_key_and_sees_the_secret_once(admin: User) -> None:
    client = client_for(admin)
    response = client.post(
        "/django-admin/api/apikey/add/",
        {"name": "Partner X", "scopes": ["read", "submit"], "rate_limit_per_minute": "30", "clinic": ""},
        follow=True,
    )
    assert response.status_code == 200
    key = ApiKey.objects.get(name="Partner X")
    page = response.content.decode()
    assert f"cml_{key.prefix}_" in page
    secret = page.split(f"cml_{key.prefix}_", 1)[1].split()[0].split("<")[0]
    assert keys.find_key(f"cml_{key.prefix}_{secret}") == key
    again = client.get(f"/django-admin/api/apikey/{key.pk}/change/").content.decode()
    assert secret not in again


READS = ["/api/v1/treatments", "/api/v1/clinics", "/api/v1/guides", "/api/v1/concerns"]


@pytest.mark.parametrize("url", READS)
def test_reads_are_open_and_a_key_sent_with_one_is_checked(
    url: str, admin: User, partner_key: NewKey
) -> None:
    """Public reads need no key; a key that is sent must be valid, live and carry the read scope."""
    client = Client()
    assert client.get(url).status_code == 200
    assert client.get(url, **bearer(partner_key)).status_code == 200
    assert client.get(url, HTTP_X_API_KEY="cml_abcd1234_wrong").status_code == 401
    submit_only = keys.create_key(actor=admin, name="Submitter", scopes=["submit"])
    refused = client.get(url, **bearer(submit_only))
    assert refused.status_code == 403 and "read" in refused.json()["detail"]
    keys.revoke_key(actor=admin, key=partner_key.key)
    assert client.get(url, **bearer(partner_key)).status_code == 401


def test_reads_with_a_key_count_against_its_rate_limit(admin: User) -> None:
    reader = keys.create_key(actor=admin, name="Reader", scopes=["read"], rate_limit_per_minute=2)
    client = Client()
    answers = [client.get("/api/v1/treatments", **bearer(reader)).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    assert client.get("/api/v1/treatments").status_code == 200  # without the key: public, as the pages
