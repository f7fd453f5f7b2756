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

from cosmediclist.accounts.models import SignInLink, User
from cosmediclist.core import audit, ratelimit
from cosmediclist.core.personal_data import Person
from cosmediclist.notifications.services import queue_email

EXPORT_SALT = "accounts.export-by-email"
LINKS_PER_HOUR = 5
BAD_LINK = "This link has expired or has already been used. Ask for a new one below."


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _normalise(email: str) -> str:
    return User.objects.normalize_email(email.strip()).lower()


def holds_anything_for(email: str) -> bool:
    """Whether the site holds an account, a request or a comment under this address."""
    from cosmediclist.consultations.models import ConsultationRequest
    from cosmediclist.discussion.models import Comment

    return (
        User.objects.filter(email__iexact=email).exists()
        or ConsultationRequest.objects.filter(email__iexact=email, erased_at__isnull=True).exists()
        or Comment.objects.filter(email__iexact=email).exists()
    )


def _within_rate(scope: str, email: str) -> bool:
    return ratelimit.hit(scope, email, limit=LINKS_PER_HOUR, window=3600).allowed


def send_sign_in_link(*, email: str) -> None:
    """Email a one-time sign-in link when the site holds something under ``email``; else do nothing."""
    email = _normalise(email)
    if not _within_rate("sign-in-link", email) or not holds_anything_for(email):
        return
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = SignInLink.objects.create(email=email, token_hash=_hash(token))
        queue_email(
            key=f"sign-in-link:{link.pk}",
            template="sign_in_link",
            to=email,
            context={
                "link_path": reverse("myaccount:link-sign-in", args=[token]),
                "minutes": settings.SIGN_IN_LINK_MINUTES,
            },
        )


def valid_link(token: str) -> SignInLink:
    """The unused, unexpired link for ``token``; raises ``ValidationError`` otherwise."""
    cutoff = timezone.now() - timedelta(minutes=settings.SIGN_IN_LINK_MINUTES)
    link = SignInLink.objects.filter(
        token_hash=_hash(token), used_at__isnull=True, created_at__gte=cutoff
    ).first()
    if link is None:
        raise ValidationError(BAD_LINK)
    return link


def use_sign_in_link(*, token: str) -> User:
    """Spend the link and return its account, creating it (email proven) when there is none.

    Requests and comments sent earlier under the same address are linked to the account.
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
        link_earlier_data(user)
        audit.record(actor=user, action="account.signed_in_with_link", obj=user)
    return user


def link_earlier_data(user: User) -> None:
    """Attach requests and comments made under the account's (proven) address before it existed."""
    from cosmediclist.consultations.models import ConsultationRequest
    from cosmediclist.discussion.models import Comment

    requests = ConsultationRequest.objects.filter(email__iexact=user.email, user__isnull=True).update(
        user=user
    )
    comments = Comment.objects.filter(email__iexact=user.email, user__isnull=True).update(user=user)
    if requests or comments:
        audit.record(
            actor=user, action="account.linked", obj=user, data={"requests": requests, "comments": comments}
        )


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
