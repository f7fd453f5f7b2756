"""Sign-in by email link (single use, expiring) and export links for people without an account.

Neither reveals whether an address is known: the page that asks answers the same, and an
address the site holds nothing about simply gets no email.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cosmediclist.accounts.models import SignInLink, User
from cosmediclist.accounts.second_factor import needs_second_factor, sign_out_everywhere
from cosmediclist.core import audit, ratelimit
from cosmediclist.core.personal_data import Person, holdings
from cosmediclist.notifications.services import queue_email

EXPORT_SALT = "accounts.export-by-email"
LINKS_PER_HOUR = 5
SIGNUP_PROOF_SALT = "accounts.signed-up-here"
SIGNUP_PROOF_KEY = "signed_up_here"
BAD_LINK = "This link has expired or has already been used. Ask for a new one below."


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _normalise(email: str) -> str:
    return User.objects.normalize_email(email.strip()).lower()


def holds_anything_for(email: str) -> bool:
    """Whether the site holds an account, or rows a visitor can leave (a request, a comment), under
    this address: every app declares those in its personal_data.py with a ``claim``."""
    person = Person(user_id=None, emails=(email,))
    return User.objects.filter(email__iexact=email).exists() or any(
        holding.find(person).exists() for holding in holdings() if holding.claim is not None
    )


def _within_rate(scope: str, email: str) -> bool:
    return ratelimit.hit(scope, email, limit=LINKS_PER_HOUR, window=3600).allowed


def send_sign_in_link(*, email: str) -> None:
    """Email a one-time sign-in link when the site holds something under ``email``; else do nothing."""
    email = _normalise(email)
    if not _within_rate("sign-in-link", email) or not holds_anything_for(email):
        return
    with transaction.atomic():
        link, path = new_sign_in_link(email)
        queue_email(
            key=f"sign-in-link:{link.pk}",
            template="sign_in_link",
            to=email,
            context={"link_path": path, "minutes": settings.SIGN_IN_LINK_MINUTES},
        )


def new_sign_in_link(email: str) -> tuple[SignInLink, str]:
    """Store a one-time sign-in link for ``email`` (only its hash is kept); returns it and its path."""
    token = secrets.token_urlsafe(32)
    link = SignInLink.objects.create(email=_normalise(email), token_hash=_hash(token))
    return link, reverse("myaccount:link-sign-in", args=[token])


def valid_link(token: str) -> SignInLink:
    """The unused, unexpired link for ``token``; raises ``ValidationError`` otherwise."""
    cutoff = timezone.now() - timedelta(minutes=settings.SIGN_IN_LINK_MINUTES)
    link = SignInLink.objects.filter(
        token_hash=_hash(token), used_at__isnull=True, created_at__gte=cutoff
    ).first()
    if link is None:
        raise ValidationError(BAD_LINK)
    return link


def signup_proof(user: User) -> str:
    """What the browser that signed up keeps in its session: proof that it chose this password."""
    return salted_hmac(SIGNUP_PROOF_SALT, f"{user.pk}|{user.password}", algorithm="sha256").hexdigest()


def _password_chosen_here(user: User, *, signup_proof_here: str, signed_in_here: int | None) -> bool:
    """Whether the browser spending the link is the one that holds the account's password: it
    signed up with it (the proof in its session), or it is signed in to the account already."""
    if signed_in_here is not None and signed_in_here == user.pk:
        return True
    return bool(signup_proof_here) and constant_time_compare(signup_proof_here, signup_proof(user))


def use_sign_in_link(*, token: str, signup_proof_here: str = "", signed_in_here: int | None = None) -> User:
    """Spend the link and return its account, creating it when there is none; the address is proven.

    The account's address is marked confirmed, and requests and comments sent earlier under the
    same address are linked to it.

    Anyone can sign up with a password under an address they do not own, and the welcome email
    then goes to the address's owner, so neither kind of link shows that whoever opens it chose
    the password. When a link proves the address for the first time and the account has a
    password, that password is kept only if this browser signed up with it or is signed in to
    the account (``signup_proof_here``, ``signed_in_here``, from the session). Otherwise
    :func:`drop_unproven_password` removes it, with any second factor set up before, and ends
    the account's other sessions: the owner sets a password later with "Forgotten your password?".
    Accounts holding a role beyond reader (staff, clinic staff: an administrator vouched for them
    when granting it) keep their password.

    Raises ``ValidationError`` for a forged, expired or used link.
    """
    with transaction.atomic():
        link = valid_link(token)
        updated = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not updated:
            raise ValidationError(BAD_LINK)
        user = User.objects.filter(email__iexact=link.email).first()
        if user is None:
            user = User.objects.create_user(link.email, None)
            audit.record(actor=user, action="account.registered", obj=user)
        if user.email_confirmed_at is None:
            if (
                user.has_usable_password()
                and not needs_second_factor(user)
                and not _password_chosen_here(
                    user, signup_proof_here=signup_proof_here, signed_in_here=signed_in_here
                )
            ):
                drop_unproven_password(user)
            user.email_confirmed_at = timezone.now()
            user.save(update_fields=["email_confirmed_at"])
            audit.record(actor=user, action="account.address_confirmed", obj=user)
        link_earlier_data(user)
        audit.record(actor=user, action="account.signed_in_with_link", obj=user)
    return user


def drop_unproven_password(user: User) -> None:
    """The password (and second factor) set before the address was proven stop working, and every
    session of the account ends; audited. For :func:`use_sign_in_link` only."""
    with transaction.atomic():
        user.set_unusable_password()
        user.save(update_fields=["password"])
        devices = 0
        for model in (TOTPDevice, StaticDevice):
            devices += int(model.objects.filter(user=user).delete()[0])
        audit.record(
            actor=user,
            action="account.unproven_password_removed",
            obj=user,
            data={"second_factor_removed": bool(devices)},
        )
        sign_out_everywhere(user=user)


def link_earlier_data(user: User) -> None:
    """Attach requests and comments made under the account's (proven) address before it existed."""
    linked = {holding.claimed_as: holding.claim(user) for holding in holdings() if holding.claim is not None}
    if any(linked.values()):
        audit.record(actor=user, action="account.linked", obj=user, data=linked)


def send_export_link(*, email: str) -> None:
    """Email a signed link to the export when the site holds something under ``email``."""
    email = _normalise(email)
    if not _within_rate("export-link", email) or not holds_anything_for(email):
        return
    token = signing.dumps(email, salt=EXPORT_SALT, compress=True)
    with transaction.atomic():
        queue_email(
            key=f"export-link:{_hash(token)[:32]}",
            template="export_link",
            to=email,
            context={
                "link_path": reverse("myaccount:export-by-email", args=[token]),
                "hours": settings.EXPORT_LINK_HOURS,
            },
        )
        audit.record(actor=None, action="privacy.export_link_sent")


def person_from_export_token(token: str) -> Person:
    """The person an export link was sent to; raises ``ValidationError`` when forged or expired."""
    try:
        email = signing.loads(token, salt=EXPORT_SALT, max_age=settings.EXPORT_LINK_HOURS * 3600)
    except signing.BadSignature:
        raise ValidationError("This link has expired or is not valid. Ask for a new one below.") from None
    user = User.objects.filter(email__iexact=email).first()
    return Person(user_id=user.pk if user else None, emails=(str(email),))
