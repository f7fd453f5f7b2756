"""Every write about accounts: sign-up, and counting failed sign-ins."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts import links
from cosmediclist.accounts.models import User
from cosmediclist.core import audit, ratelimit
from cosmediclist.notifications.services import queue_email

LOGIN_SCOPE = "login-failure"
SIGNUP_SCOPE = "signup"


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


def sign_up(*, email: str, password: str, first_name: str = "", last_name: str = "") -> str:
    """Sign up from the public form, telling the visitor nothing about which addresses exist.

    Raises ``ValidationError`` on ``password`` only (checked before the address is looked at).
    Then, for an unknown address, creates the account and queues a welcome email with a one-time
    link that proves the address (until then, nothing sent earlier under it is linked, shown,
    exported or erased with the account: see ``privacy.person_for``); for a known
    one, changes nothing and queues an email to its owner saying someone tried to sign up,
    with links to sign in and reset the password (at most one such email per hour).
    Both paths hash the password, so they take about the same time.

    Returns what the browser keeps in its session (``links.SIGNUP_PROOF_KEY``): for a new account,
    proof that this browser chose its password, so that the welcome link opened here keeps it
    (see ``links.use_sign_in_link``); for a known address, a random value of the same form.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    candidate = User(email=email, first_name=first_name.strip(), last_name=last_name.strip())
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        with transaction.atomic():
            user = register_user(email=email, password=password, first_name=first_name, last_name=last_name)
            _link, confirm_path = links.new_sign_in_link(user.email)
            queue_email(
                key=f"signup-welcome:{user.pk}",
                template="signup_welcome",
                to=user.email,
                context={
                    "name": user.get_short_name(),
                    "confirm_path": confirm_path,
                    "minutes": settings.SIGN_IN_LINK_MINUTES,
                },
            )
        return links.signup_proof(user)
    make_password(password)  # the same work as creating an account, so timing tells nothing
    hour = int(timezone.now().timestamp()) // 3600
    with transaction.atomic():
        queue_email(
            key=f"signup-existing:{existing.pk}:{hour}",
            template="signup_existing",
            to=existing.email,
            context={"name": existing.get_short_name()},
        )
        audit.record(actor=None, action="account.signup-for-existing", obj=existing)
    return secrets.token_hex(32)


def signup_allowed(*, ip: str) -> ratelimit.Verdict:
    """Count one sign-up from ``ip``; refused past ``SIGNUP_LIMIT_PER_HOUR`` in an hour."""
    return ratelimit.hit(SIGNUP_SCOPE, ip, limit=settings.SIGNUP_LIMIT_PER_HOUR, window=3600)


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
