"""Who is calling the API: an API key (``Authorization: Bearer`` or ``X-API-Key``) or a signed-in session.

Reads of public data need no key; a key sent with one is checked all the same (401 when it is not
valid or revoked, 403 without the ``read`` scope) and counted against its rate limit, so a partner
learns of a revoked key at once and its reads count as its own. A key must carry the scope the operation asks for (403 otherwise) and stays within its own rate
limit, counted in the shared ``limits`` cache so that it holds across every web process (429 with
Retry-After). A session (the site's cookie) needs the CSRF token on unsafe methods, as the site's
own forms do: ninja's cookie auth checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyHeader, HttpBearer, SessionAuth

from cosmediclist.accounts.models import User
from cosmediclist.api import keys
from cosmediclist.api.models import ApiKey, Scope
from cosmediclist.core import ratelimit

RATE_WINDOW = 60


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__("rate limited")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Caller:
    """The authenticated party: exactly one of ``key`` and ``user``."""

    key: ApiKey | None = None
    user: User | None = None

    @property
    def idempotency_scope(self) -> str:
        return f"key:{self.key.pk}" if self.key is not None else f"user:{self.user.pk if self.user else 0}"


def caller(request: HttpRequest) -> Caller:
    """The caller an auth class of this module put on the request."""
    found = getattr(request, "auth", None)
    if not isinstance(found, Caller):  # every operation using this module's auth sets one
        raise HttpError(401, "Unauthorized")
    return found


def _check_key(presented: str | None, scope: str) -> Caller | None:
    if not presented:
        return None
    key = keys.find_key(presented.strip())
    if key is None:
        raise HttpError(401, "This API key is not valid or has been revoked.")
    verdict = ratelimit.hit("api-key", str(key.pk), limit=key.rate_limit_per_minute, window=RATE_WINDOW)
    if not verdict.allowed:
        raise RateLimited(verdict.retry_after)
    if not key.has_scope(scope):
        raise HttpError(403, f'This API key does not have the "{scope}" scope.')
    keys.mark_used(key)
    return Caller(key=key)


class KeyBearer(HttpBearer):
    """``Authorization: Bearer cml_…``."""

    def __init__(self, scope: str) -> None:
        self.scope = str(scope)
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> Caller | None:
        return _check_key(token, self.scope)


class KeyHeader(APIKeyHeader):
    """``X-API-Key: cml_…``."""

    param_name = "X-API-Key"

    def __init__(self, scope: str) -> None:
        self.scope = str(scope)
        super().__init__()

    def authenticate(self, request: HttpRequest, key: str | None) -> Caller | None:
        return _check_key(key, self.scope)


class Session(SessionAuth):
    """The site's session cookie; ninja refuses an unsafe method without the CSRF token (403)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Caller | None:
        user = request.user
        if user.is_authenticated and isinstance(user, User):
            return Caller(user=user)
        return None


class Anonymous:
    """A read with no key: public data, as the pages show it."""

    def __bool__(self) -> bool:  # ninja treats a falsy result as "not authenticated"
        return True


ANONYMOUS = Anonymous()


def read_access(request: HttpRequest) -> Caller | Anonymous:
    """Public reads: anyone, or a key with the ``read`` scope when one is presented.

    A plain function rather than a security scheme, so the OpenAPI document keeps these
    operations open (no ``security`` requirement); the API's description says what a key adds.
    """
    for way in _READ_KEYS:  # the same header parsing as every key-authenticated operation
        found: Caller | None = way(request)
        if found is not None:
            return found
    return ANONYMOUS


READ = [read_access]


def key_auth(scope: str) -> list[Any]:
    """An API key with ``scope``, in either header."""
    return [KeyBearer(scope), KeyHeader(scope)]


def key_or_session(scope: str) -> list[Any]:
    """An API key with ``scope``, or a signed-in session (with CSRF on unsafe methods)."""
    return [*key_auth(scope), Session(csrf=True)]


SESSION = [Session(csrf=True)]
_READ_KEYS = key_auth(Scope.READ)
