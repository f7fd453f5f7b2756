"""Every write about accounts: sign-up, and counting failed sign-ins."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from cosmediclist.accounts.models import User
from cosmediclist.core import audit, ratelimit

LOGIN_SCOPE = "login-failure"


def register_user(*, email: str, password: str, first_name: str = "", last_name: str = "") -> User:
    """Create a reader account.

    Raises ``ValidationError`` keyed by field: ``email`` when the address is taken,
    ``password`` when it is weak (under 12 characters, common, numeric or like the name).
    """
    email = User.objects.normalize_email(email.strip()).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email address already exists."})
    candidate = User(email=email, first_name=first_name.strip(), last_name=last_name.strip())
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    with transaction.atomic():
        candidate.set_password(password)
        candidate.save()
        audit.record(actor=candidate, action="account.registered", obj=candidate)
    return candidate


def _login_ident(email: str, ip: str) -> str:
    return f"{email.strip().lower()}|{ip}"


def login_blocked(*, email: str, ip: str) -> ratelimit.Verdict:
    """Whether this email and address pair has used up its failed attempts."""
    return ratelimit.peek(
        LOGIN_SCOPE,
        _login_ident(email, ip),
        limit=settings.LOGIN_FAILURE_LIMIT,
        window=settings.LOGIN_FAILURE_WINDOW,
    )


def record_login_failure(*, email: str, ip: str) -> None:
    ratelimit.hit(
        LOGIN_SCOPE,
        _login_ident(email, ip),
        limit=settings.LOGIN_FAILURE_LIMIT,
        window=settings.LOGIN_FAILURE_WINDOW,
    )


def clear_login_failures(*, email: str, ip: str) -> None:
    ratelimit.reset(LOGIN_SCOPE, _login_ident(email, ip), window=settings.LOGIN_FAILURE_WINDOW)
