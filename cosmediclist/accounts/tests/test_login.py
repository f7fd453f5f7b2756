"""Signing in by email, with throttling of repeated failures."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.personas import PASSWORD

LOGIN = reverse("accounts:login")


def test_sign_in_by_email_ignores_case(client: Client, reader) -> None:
    response = client.post(LOGIN, {"email": "ROSA.Reader@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    page = client.get(reverse("accounts:profile"))
    assert "Rosa Reader" in page.content.decode()


def test_wrong_password_keeps_the_email_and_says_why(client: Client, reader) -> None:
    response = client.post(LOGIN, {"email": reader.email, "password": "wrong-password-123"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "do not match an account" in body
    assert f'value="{reader.email}"' in body


def test_missing_fields_are_named(client: Client, db) -> None:
    response = client.post(LOGIN, {"email": "not-an-email", "password": ""})
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"email", "password"}


def test_sixth_attempt_after_five_failures_gets_429_even_with_the_right_password(
    client: Client, reader
) -> None:
    for _ in range(5):
        assert client.post(LOGIN, {"email": reader.email, "password": "nope-nope-nope"}).status_code == 400
    response = client.post(LOGIN, {"email": reader.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_throttle_is_per_email_and_address(client: Client, reader, patient) -> None:
    for _ in range(5):
        client.post(LOGIN, {"email": reader.email, "password": "nope-nope-nope"})
    assert client.post(LOGIN, {"email": patient.email, "password": PASSWORD}).status_code == 302
    other_ip = Client(REMOTE_ADDR="10.9.8.7")
    assert other_ip.post(LOGIN, {"email": reader.email, "password": PASSWORD}).status_code == 302


def test_throttle_uses_redis_when_configured(client: Client, reader, redis_cache) -> None:
    for _ in range(5):
        client.post(LOGIN, {"email": reader.email, "password": "nope-nope-nope"})
    assert client.post(LOGIN, {"email": reader.email, "password": PASSWORD}).status_code == 429


def test_next_url_to_another_site_is_ignored(client: Client, reader) -> None:
    response = client.post(
        LOGIN, {"email": reader.email, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("accounts:profile")


def test_sign_out_needs_post(client: Client, reader) -> None:
    client.force_login(reader)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302
