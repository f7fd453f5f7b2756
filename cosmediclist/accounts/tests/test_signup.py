"""Creating an account: strong passwords, unique addresses, and nothing typed lost."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cosmediclist.accounts.models import User
from cosmediclist.core.models import AuditEvent

SIGNUP = reverse("accounts:signup")


def form(**changes: str) -> dict[str, str]:
    data = {
        "first_name": "Nia",
        "last_name": "New",
        "email": "nia.new@example.org",
        "password": "quiet-lantern-river-7",
        "password_again": "quiet-lantern-river-7",
    }
    return {**data, **changes}


def test_sign_up_creates_the_account_and_audits_and_the_new_reader_can_sign_in(client: Client, db) -> None:
    response = client.post(SIGNUP, form())
    assert response["Location"] == reverse("accounts:signup-sent")
    user = User.objects.get(email="nia.new@example.org")
    assert AuditEvent.objects.filter(action="account.registered", object_id=str(user.pk)).exists()
    client.post(reverse("accounts:login"), {"email": user.email, "password": form()["password"]})
    assert "Nia New" in client.get(reverse("accounts:profile")).content.decode()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pw-1", "at least 12 characters"),
        ("password1234", "too common"),
        ("123456789012345", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_next_to_the_field(
    client: Client, db, password: str, message: str
) -> None:
    response = client.post(SIGNUP, form(password=password, password_again=password))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["password"])
    assert message in errors
    assert 'value="nia.new@example.org"' in response.content.decode()
    assert not User.objects.exists()


def test_a_taken_address_whatever_its_case_creates_no_second_account(client: Client, reader) -> None:
    response = client.post(SIGNUP, form(email="ROSA.READER@example.org"))
    assert response["Location"] == reverse("accounts:signup-sent")
    assert User.objects.count() == 1


def test_passwords_must_match(client: Client, db) -> None:
    response = client.post(SIGNUP, form(password_again="quiet-lantern-river-8"))
    assert response.status_code == 400
    assert "differ" in " ".join(response.context["form"].errors["password_again"])


def test_naughty_strings_in_every_field_never_give_a_500(client: Client, db, settings) -> None:
    from tests.corpora import naughty_strings

    settings.SIGNUP_LIMIT_PER_HOUR = 10_000  # this test is about input, not about the rate limit

    for text in naughty_strings()[::3]:
        for name in ("first_name", "last_name", "email", "password"):
            response = client.post(SIGNUP, form(**{name: text}))
            assert response.status_code in (302, 400), (name, text)
            if response.status_code == 302:
                User.objects.all().delete()
