"""Signed values: the author's browser token, the form's start time, moderation and unsubscribe links."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

AUTHOR_COOKIE = "cml_commenter"
REMEMBER_COOKIE = "cml_comment_author"
_AUTHOR_SALT = "discussion.author"
_REMEMBER_SALT = "discussion.remember"
_STARTED_SALT = "discussion.started"
_MODERATE_SALT = "discussion.moderate"
_UNSUBSCRIBE_SALT = "discussion.unsubscribe"
MODERATION_LINK_AGE = timedelta(days=3)
FORM_MAX_AGE = timedelta(days=1)
COOKIE_AGE = 60 * 60 * 24 * 365


def keyed_hash(value: str, *, purpose: str) -> str:
    """An HMAC of ``value`` under the site's secret: stable, but useless without the key."""
    key = f"{settings.SECRET_KEY}:{purpose}".encode()
    return hmac.new(key, value.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def ip_hash(ip: str) -> str:
    return keyed_hash(ip, purpose="comment-ip")


def _cookie_kwargs() -> dict[str, object]:
    return {
        "max_age": COOKIE_AGE,
        "httponly": True,
        "samesite": "Lax",
        "secure": bool(getattr(settings, "HTTPS", False)),
    }


def author_token(request: HttpRequest) -> str:
    """The browser's commenter token from its signed cookie, or ""."""
    return str(request.get_signed_cookie(AUTHOR_COOKIE, default="", salt=_AUTHOR_SALT) or "")


def author_hash(request: HttpRequest) -> str:
    token = author_token(request)
    return keyed_hash(token, purpose="comment-author") if token else ""


def ensure_author_token(request: HttpRequest) -> str:
    """The browser's token, minting one (to be set by ``set_author_cookie``) when it has none."""
    return author_token(request) or secrets.token_urlsafe(24)


def set_author_cookie(response: HttpResponse, token: str) -> None:
    response.set_signed_cookie(AUTHOR_COOKIE, token, salt=_AUTHOR_SALT, **_cookie_kwargs())


def remembered_author(request: HttpRequest) -> dict[str, str]:
    try:
        value = request.get_signed_cookie(REMEMBER_COOKIE, default="", salt=_REMEMBER_SALT)
        data = signing.loads(value, salt=_REMEMBER_SALT) if value else {}
    except signing.BadSignature:
        return {}
    if not data or not isinstance(data, dict):
        return {}
    return {k: str(data.get(k, "")) for k in ("name", "email", "website")}


def remember_author(response: HttpResponse, *, name: str, email: str, website: str) -> None:
    value = signing.dumps({"name": name, "email": email, "website": website}, salt=_REMEMBER_SALT)
    response.set_signed_cookie(REMEMBER_COOKIE, value, salt=_REMEMBER_SALT, **_cookie_kwargs())


def forget_author(response: HttpResponse) -> None:
    response.delete_cookie(REMEMBER_COOKIE, samesite="Lax")


def started_token(at: float | None = None) -> str:
    """A signed form start time, checked on submission against the minimum fill time."""
    return signing.dumps(at if at is not None else time.time(), salt=_STARTED_SALT)


def seconds_since_started(token: str) -> float | None:
    """Seconds since the form was shown, or None when the token is forged or too old."""
    try:
        started = float(signing.loads(token, salt=_STARTED_SALT, max_age=FORM_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - started


def moderation_token(comment_id: int, action: str) -> str:
    return signing.dumps({"c": comment_id, "a": action}, salt=_MODERATE_SALT, compress=True)


def read_moderation_token(token: str) -> tuple[int, str]:
    """(comment id, action); raises signing.BadSignature (or SignatureExpired) when invalid."""
    data = signing.loads(token, salt=_MODERATE_SALT, max_age=MODERATION_LINK_AGE)
    return int(data["c"]), str(data["a"])


def unsubscribe_token(comment_id: int) -> str:
    return signing.dumps(comment_id, salt=_UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int:
    return int(signing.loads(token, salt=_UNSUBSCRIBE_SALT))
