"""Fixed-window rate limits kept in the configured cache (Redis in production)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    count: int
    retry_after: int


def _key(scope: str, ident: str, window: int) -> tuple[str, int]:
    # Identifiers can be email addresses: hash them so the cache never holds one in clear.
    digest = hashlib.sha256(f"{scope}:{ident}".encode()).hexdigest()[:32]
    bucket = int(time.time()) // window
    return f"rl:{scope}:{digest}:{bucket}", (bucket + 1) * window - int(time.time())


def peek(scope: str, ident: str, *, limit: int, window: int) -> Verdict:
    """Tell whether ``ident`` is still under ``limit`` without counting a hit."""
    key, remaining = _key(scope, ident, window)
    count = int(cache.get(key, 0))
    return Verdict(allowed=count < limit, count=count, retry_after=max(remaining, 1))


def hit(scope: str, ident: str, *, limit: int, window: int) -> Verdict:
    """Count one hit for ``ident`` in ``scope``; allowed while the count stays within ``limit``."""
    key, remaining = _key(scope, ident, window)
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return Verdict(allowed=count <= limit, count=count, retry_after=max(remaining, 1))


def reset(scope: str, ident: str, *, window: int) -> None:
    key, _ = _key(scope, ident, window)
    cache.delete(key)


def client_ip(request: HttpRequest) -> str:
    """The client's address as the nearest proxy saw it.

    Behind a reverse proxy, set it to overwrite REMOTE_ADDR (as gunicorn's
    ``--forwarded-allow-ips`` does); a client-supplied X-Forwarded-For is never trusted here.
    """
    return str(request.META.get("REMOTE_ADDR", "") or "unknown")
