"""Sign-up tells nothing about which addresses have accounts, and is rate-limited."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.test_signup import form
from cosmediclist.core.models import AuditEvent
from tests.personas import PASSWORD
from tests.worker import run_tasks

SIGNUP = reverse("accounts:signup")


def answer(client: Client, **changes: str) -> tuple[int, str, str]:
    response = client.post(SIGNUP, form(**changes), follow=True)
    page = response.content.decode().replace(changes.get("email", ""), "ADDRESS")
    page = page.replace(response.wsgi_request.META.get("CSRF_COOKIE", "") or "", "")
    return response.status_code, response.redirect_chain[-1][0] if response.redirect_chain else "", page


def test_a_known_and_an_unknown_address_get_the_same_answer(reader: User) -> None:
    known = answer(Client(), email=reader.email)
    unknown = answer(Client(), email="someone.new@example.org")
    assert known[:2] == unknown[:2] == (200, reverse("accounts:signup-sent"))
    assert "Check your email" in known[2]
    assert "already exists" not in known[2]


def test_a_known_address_with_a_weak_password_gets_the_same_answer_as_an_unknown_one(
    reader: User,
) -> None:
    known = Client().post(SIGNUP, form(email=reader.email, password="short", password_again="short"))
    unknown = Client().post(SIGNUP, form(email="x.new@example.org", password="short", password_again="short"))
    assert known.status_code == unknown.status_code == 400
    assert known.context["form"].errors == unknown.context["form"].errors
    assert "email" not in known.context["form"].errors


def test_the_owner_of_a_known_address_is_told_by_email_and_keeps_the_password(
    reader: User, smtp_server
) -> None:
    Client().post(SIGNUP, form(email=reader.email.upper()))
    run_tasks()
    (message,) = smtp_server.messages
    assert message["To"] == reader.email
    text = message.get_payload()[0].get_payload(decode=True).decode()
    assert "tried to create an account" in text
    assert reverse("accounts:login") in text and reverse("accounts:password-reset") in text
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)
    assert User.objects.count() == 1
    assert AuditEvent.objects.filter(action="account.signup-for-existing", object_id=str(reader.pk)).exists()


def test_a_new_address_gets_an_account_and_a_welcome_email(db: None, smtp_server) -> None:
    client = Client()
    client.post(SIGNUP, form())
    run_tasks()
    user = User.objects.get(email="nia.new@example.org")
    (message,) = smtp_server.messages
    assert message["To"] == user.email
    assert reverse("accounts:login") in message.get_payload()[0].get_payload(decode=True).decode()
    assert (
        client.post(
            reverse("accounts:login"), {"email": user.email, "password": form()["password"]}
        ).status_code
        == 302
    )


def test_sign_up_is_rate_limited_per_address(reader: User, settings) -> None:
    client = Client(REMOTE_ADDR="10.1.2.3")
    for number in range(settings.SIGNUP_LIMIT_PER_HOUR):
        response = client.post(SIGNUP, form(email=f"probe{number}@example.org"))
        assert response.status_code == 302
    response = client.post(SIGNUP, form(email=reader.email))
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert 'value="Nia"' in response.content.decode()
    assert Client(REMOTE_ADDR="10.9.9.9").post(SIGNUP, form(email="late@example.org")).status_code == 302
