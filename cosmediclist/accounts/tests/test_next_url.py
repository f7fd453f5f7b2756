"""Where a successful sign-in leads: only ever a local path, otherwise the account page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from cosmediclist.accounts.models import User
from tests.personas import PASSWORD

LOGIN = reverse("accounts:login")
PROFILE = reverse("accounts:profile")


def sign_in(client: Client, user: User, next_value: str) -> str:
    response = client.post(LOGIN, {"email": user.email, "password": PASSWORD, "next": next_value})
    assert response.status_code == 302, next_value
    location: str = response["Location"]
    client.logout()
    return location


def assert_local(location: str) -> None:
    parts = urlsplit(location)
    assert not parts.scheme and not parts.netloc, location
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@pytest.mark.parametrize("next_value", ["foo", "core:home", "accounts:profile", "profile.html"])
def test_a_next_that_is_not_a_local_path_leads_to_the_account_page(
    client: Client, reader: User, next_value: str
) -> None:
    assert sign_in(client, reader, next_value) == PROFILE


def test_a_local_path_is_kept(client: Client, reader: User) -> None:
    assert sign_in(client, reader, "/guides/?tag=skin") == "/guides/?tag=skin"


@pytest.mark.parametrize(
    "next_value",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_a_next_off_site_leads_to_the_account_page(client: Client, reader: User, next_value: str) -> None:
    assert sign_in(client, reader, next_value) == PROFILE


def test_attack_corpora_as_next_never_give_a_500_or_leave_the_site(client: Client, reader: User) -> None:
    from tests import corpora

    for next_value in corpora.naughty_strings() + corpora.lines("xss-payloads-half.txt")[::4]:
        page = client.get(LOGIN, {"next": next_value})
        assert page.status_code == 200, next_value
        assert_local(sign_in(client, reader, next_value))
