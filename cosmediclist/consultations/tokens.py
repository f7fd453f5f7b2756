"""Signed links for the patient: their request's status page and one-click unsubscribe."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

STATUS_SALT = "consultations.status"
UNSUBSCRIBE_SALT = "consultations.unsubscribe"
STATUS_MAX_AGE = 60 * 60 * 24 * 365 * 2  # two years: long enough to cover a course and its maintenance


def status_token(reference: str) -> str:
    return signing.dumps(reference, salt=STATUS_SALT, compress=True)


def status_path(reference: str) -> str:
    return reverse("consultations:status", args=[reference]) + "?t=" + status_token(reference)


def is_valid_status_token(reference: str, token: str) -> bool:
    try:
        return bool(signing.loads(token, salt=STATUS_SALT, max_age=STATUS_MAX_AGE) == reference)
    except signing.BadSignature:
        return False


def unsubscribe_path(reference: str) -> str:
    token = signing.dumps(reference, salt=UNSUBSCRIBE_SALT, compress=True)
    return reverse("consultations:unsubscribe", args=[token])


def reference_from_unsubscribe(token: str) -> str | None:
    """Unsubscribe links never expire: an old email must still stop the messages."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, str) else None
