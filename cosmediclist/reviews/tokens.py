"""Signed links in review invitations, check-in emails and their unsubscribe link."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

INVITATION_SALT = "reviews.invitation"
CHECK_IN_SALT = "reviews.check-in"
UNSUBSCRIBE_SALT = "reviews.check-ins-unsubscribe"
# The review window is six months from treatment and the invitation goes out a day or two
# after it; the invitation's own expiry date is checked too, so this only bounds the signature.
INVITATION_MAX_AGE = 60 * 60 * 24 * 200
CHECK_IN_MAX_AGE = 60 * 60 * 24 * 120  # four months to answer one check-in


class InvalidLink(Exception):
    """The link was not made by us, or was changed."""


class ExpiredLink(Exception):
    """The link was ours but is too old."""


def _read(token: str, *, salt: str, max_age: int | None) -> int:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    if not isinstance(value, int):
        raise InvalidLink
    return value


def invitation_path(invitation_id: int) -> str:
    token = signing.dumps(invitation_id, salt=INVITATION_SALT)
    return reverse("reviews:write", args=[token])


def invitation_from(token: str) -> int:
    """The invitation id in a review link; raises InvalidLink or ExpiredLink."""
    return _read(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)


def check_in_path(check_in_id: int) -> str:
    token = signing.dumps(check_in_id, salt=CHECK_IN_SALT)
    return reverse("reviews:check-in", args=[token])


def check_in_from(token: str) -> int:
    return _read(token, salt=CHECK_IN_SALT, max_age=CHECK_IN_MAX_AGE)


def unsubscribe_path(request_id: int) -> str:
    token = signing.dumps(request_id, salt=UNSUBSCRIBE_SALT)
    return reverse("reviews:check-ins-unsubscribe", args=[token])


def unsubscribe_from(token: str) -> int:
    """Unsubscribe links never expire: an old email must still stop the messages."""
    return _read(token, salt=UNSUBSCRIBE_SALT, max_age=None)
