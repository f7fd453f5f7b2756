"""The cast's accounts: one password for every persona, making a user, a client signed in as one."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import timezone

from cosmediclist.accounts.models import User

PASSWORD = "correct-horse-battery-42"


def make_user(email_address: str, first: str, last: str, **extra: Any) -> User:
    """A persona who has proven their address (as by an emailed link), unless told otherwise."""
    extra.setdefault("email_confirmed_at", timezone.now())
    return User.objects.create_user(email_address, PASSWORD, first_name=first, last_name=last, **extra)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def password_only(client: Client, user: User) -> None:
    """Sign ``user`` in as after the password alone: a session that has not passed a second factor."""
    from cosmediclist.accounts.second_factor import VERIFIED_SESSION_KEY

    client.force_login(user)
    session = client.session
    session.pop(VERIFIED_SESSION_KEY, None)
    session.save()


def enrol_app(user: User) -> Any:
    """Give ``user`` a confirmed authenticator app (TOTP) and return it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_for(device: Any) -> str:
    """Six digits ``device``'s app would accept now: RFC 6238, computed here.

    An app's code works once: when this step's code has been used already (a second sign-in
    within 30 seconds), the next step's code is given, which the one-step tolerance accepts.
    """
    import time

    from django_otp.oath import TOTP

    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"
