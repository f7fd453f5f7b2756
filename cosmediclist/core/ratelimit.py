"""Fixed-window rate limits kept in the shared cache: Redis when configured, else the database.

Both are shared by every web process, so a limit holds however many gunicorn workers serve.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import BaseCache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest

LIMITS_CACHE = "limits"


def _cache() -> BaseCache:
    """The cache every process shares (settings.CACHES["limits"]: Redis or the database)."""
    return caches[LIMITS_CACHE]


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
    count = int(_cache().get(key, 0))
    return Verdict(allowed=count < limit, count=count, retry_after=max(remaining, 1))


@contextmanager
def _one_at_a_time(key: str) -> Iterator[None]:
    """Make the cache's read-then-write increment atomic across processes.

    Redis increments atomically by itself. The database cache reads then writes, so the two
    run in one transaction that holds the write lock: SQLite's immediate transactions take
    it at BEGIN; on PostgreSQL a transaction-level advisory lock on the key does.
    """
    backend = _cache()
    if not isinstance(backend, DatabaseCache):
        yield
        return
    alias = router.db_for_write(backend.cache_model_class)
    with transaction.atomic(using=alias):
        if connections[alias].vendor == "postgresql":
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
        yield


def hit(scope: str, ident: str, *, limit: int, window: int) -> Verdict:
    """Count one hit for ``ident`` in ``scope``; allowed while the count stays within ``limit``."""
    key, remaining = _key(scope, ident, window)
    with _one_at_a_time(key):
        cache = _cache()
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 1)
            count = 1
    return Verdict(allowed=count <= limit, count=count, retry_after=max(remaining, 1))


def reset(scope: str, ident: str, *, window: int) -> None:
    key, _ = _key(scope, ident, window)
    _cache().delete(key)


def client_ip(request: HttpRequest) -> str:
    """The client's address as the nearest proxy saw it.

    Behind a reverse proxy, set it to overwrite REMOTE_ADDR (as gunicorn's
    ``--forwarded-allow-ips`` does); a client-supplied X-Forwarded-For is never trusted here.
    """
    return str(request.META.get("REMOTE_ADDR", "") or "unknown")
