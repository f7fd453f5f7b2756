"""The portal's API pages: owners make and revoke keys and webhook endpoints (secrets shown once),
colleagues read, staff of another clinic get 404; the pages are valid HTML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.api import keys, webhooks
from cosmediclist.api.models import ApiKey, WebhookEndpoint
from tests.personas import client_for
from tests.site import nu_html_errors, parse


def urls(slug: str, key_pk: int = 1, endpoint_pk: int = 1) -> list[str]:
    return [
        f"/portal/clinics/{slug}/api-keys/",
        f"/portal/clinics/{slug}/api-keys/{key_pk}/revoke/",
        f"/portal/clinics/{slug}/webhooks/",
        f"/portal/clinics/{slug}/webhooks/{endpoint_pk}/disable/",
        f"/portal/clinics/{slug}/webhooks/deliveries/",
    ]


def test_the_owner_makes_a_key_and_sees_it_once(clinic: Any, clinic_staff: User) -> None:
    owner = client_for(clinic_staff)
    made = owner.post(
        f"/portal/clinics/{clinic.slug}/api-keys/",
        {"name": "Our CRM", "scopes": ["inbox", "read"], "rate_limit_per_minute": "30"},
    )
    assert made.status_code == 201
    assert made["Cache-Control"] == "no-store"
    secret = re.search(r"cml_[0-9a-f]{8}_[A-Za-z0-9_\-]+", made.content.decode())
    assert secret is not None
    key = keys.find_key(secret.group())
    assert key is not None and key.clinic == clinic and key.scopes == ["inbox", "read"]
    listing = owner.get(f"/portal/clinics/{clinic.slug}/api-keys/").content.decode()
    assert "Our CRM" in listing and secret.group() not in listing
    owner.post(f"/portal/clinics/{clinic.slug}/api-keys/{key.pk}/revoke/")
    assert keys.find_key(secret.group()) is None


def test_a_form_error_keeps_what_was_typed(clinic: Any, clinic_staff: User) -> None:
    page = client_for(clinic_staff).post(
        f"/portal/clinics/{clinic.slug}/api-keys/", {"name": "Typed name", "rate_limit_per_minute": "30"}
    )
    assert page.status_code == 400
    text = page.content.decode()
    assert "error-summary" in text and "Choose at least one thing the key may do." in text
    assert 'value="Typed name"' in text
    assert not ApiKey.objects.exists()


def test_the_owner_adds_a_webhook_endpoint_and_sees_its_secret_once(
    clinic: Any, clinic_staff: User, settings: Any
) -> None:
    owner = client_for(clinic_staff)
    made = owner.post(
        f"/portal/clinics/{clinic.slug}/webhooks/",
        {"url": "https://crm.example.org/hooks", "events": ["consultation.created"]},
    )
    assert made.status_code == 201
    secret = re.search(r"whsec_[A-Za-z0-9+/=]+", made.content.decode())
    assert secret is not None
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret == secret.group() and endpoint.events == ["consultation.created"]
    listing = owner.get(f"/portal/clinics/{clinic.slug}/webhooks/").content.decode()
    assert "https://crm.example.org/hooks" in listing and secret.group() not in listing
    refused = owner.post(
        f"/portal/clinics/{clinic.slug}/webhooks/",
        {"url": "ftp://x.example.org/", "events": ["review.published"]},
    )
    assert refused.status_code == 400
    owner.post(f"/portal/clinics/{clinic.slug}/webhooks/{endpoint.pk}/disable/")
    endpoint.refresh_from_db()
    assert endpoint.disabled_at is not None


def test_a_colleague_reads_but_cannot_make_or_revoke(
    clinic: Any, colleague: User, clinic_staff: User
) -> None:
    key = keys.create_key(actor=clinic_staff, name="CRM", scopes=["inbox"], clinic=clinic).key
    endpoint, _ = webhooks.create_endpoint(
        actor=clinic_staff, clinic=clinic, url="https://crm.example.org/h", events=["review.published"]
    )
    client = client_for(colleague)
    page = client.get(f"/portal/clinics/{clinic.slug}/api-keys/")
    assert page.status_code == 200 and "Only the clinic's owner" in page.content.decode()
    assert (
        client.post(f"/portal/clinics/{clinic.slug}/api-keys/", {"name": "x", "scopes": ["read"]}).status_code
        == 403
    )
    assert client.post(f"/portal/clinics/{clinic.slug}/api-keys/{key.pk}/revoke/").status_code == 403
    assert client.post(f"/portal/clinics/{clinic.slug}/webhooks/{endpoint.pk}/disable/").status_code == 403
    assert ApiKey.objects.get().revoked_at is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_of_another_clinic_gets_404_everywhere(
    clinic: Any, clinic_staff: User, other_clinic: Any, other_clinic_staff: User, method: str
) -> None:
    key = keys.create_key(actor=clinic_staff, name="CRM", scopes=["inbox"], clinic=clinic).key
    endpoint, _ = webhooks.create_endpoint(
        actor=clinic_staff, clinic=clinic, url="https://crm.example.org/h", events=["review.published"]
    )
    client = client_for(other_clinic_staff)
    for url in urls(clinic.slug, key.pk, endpoint.pk):
        assert getattr(client, method)(url).status_code == 404, url
    # Their own clinic's URLs with this clinic's key and endpoint ids: 404 too.
    for url in urls(other_clinic.slug, key.pk, endpoint.pk)[1::2]:
        assert client.post(url).status_code == 404, url
    assert ApiKey.objects.get().revoked_at is None
    assert Client().get(urls(clinic.slug)[0]).status_code == 302


def test_the_delivery_log_runs_a_fixed_number_of_queries(
    clinic: Any, clinic_staff: User, settings: Any, django_assert_num_queries: Any
) -> None:
    webhooks.create_endpoint(
        actor=clinic_staff, clinic=clinic, url="https://crm.example.org/h", events=["review.published"]
    )
    client = client_for(clinic_staff)
    url = f"/portal/clinics/{clinic.slug}/webhooks/deliveries/"
    for n in range(3):
        webhooks.queue_event(clinic_id=clinic.pk, event_type="review.published", data={"review_id": n})
    client.get(url)
    # 9: the page says how long the log is kept, a period administrators may set in the CMS.
    with django_assert_num_queries(9):
        client.get(url)
    for n in range(20):
        webhooks.queue_event(clinic_id=clinic.pk, event_type="review.published", data={"review_id": n})
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


def test_the_api_pages_pass_the_nu_html_checker(clinic: Any, clinic_staff: User, tmp_path: Path) -> None:
    owner = client_for(clinic_staff)
    webhooks.create_endpoint(
        actor=clinic_staff, clinic=clinic, url="https://crm.example.org/h", events=["review.published"]
    )
    webhooks.queue_event(clinic_id=clinic.pk, event_type="review.published", data={"review_id": 1})
    base = f"/portal/clinics/{clinic.slug}"
    pages = {
        "keys": owner.get(f"{base}/api-keys/"),
        "keys-error": owner.post(f"{base}/api-keys/", {"name": ""}),
        "key-secret": owner.post(
            f"{base}/api-keys/", {"name": "A", "scopes": ["read"], "rate_limit_per_minute": "5"}
        ),
        "webhooks": owner.get(f"{base}/webhooks/"),
        "webhooks-error": owner.post(f"{base}/webhooks/", {"url": "nope"}),
        "webhook-secret": owner.post(
            f"{base}/webhooks/", {"url": "https://a.example.org/", "events": ["review.published"]}
        ),
        "log": owner.get(f"{base}/webhooks/deliveries/"),
    }
    for name, response in pages.items():
        assert response.status_code in (200, 201, 400), name
        assert parse(response.content.decode()).h1_count == 1, name
    assert nu_html_errors({name: r.content for name, r in pages.items()}, tmp_path) == []
