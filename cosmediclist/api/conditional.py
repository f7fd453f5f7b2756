"""Conditional GET for the read endpoints: ETag and Last-Modified on every 200, 304 on a match.

The ETag is a hash of the exact body, so it changes whenever anything in the answer changes.
Last-Modified is the time this site first served that body at that address: the cache keeps,
per address, the ETag last served and since when. It is never earlier than the real change, so
If-Modified-Since cannot hide a change made since the client's copy (with several processes,
use a shared cache such as Redis so that they agree on the time). Costs no database query.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

# An answer seen again within this time keeps its Last-Modified; longer, and it is re-dated
# (later, which is always safe: a client then fetches once more).
REMEMBER_SECONDS = 30 * 24 * 3600


def _key(request: HttpRequest) -> str:
    address = request.get_full_path()
    return "api-lm:" + hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()


def _last_modified(request: HttpRequest, etag: str) -> float:
    key = _key(request)
    seen = cache.get(key)
    if isinstance(seen, tuple) and len(seen) == 2 and seen[0] == etag:
        return float(seen[1])
    now = float(int(time.time()))
    cache.set(key, (etag, now), REMEMBER_SECONDS)
    return now


def conditional_get(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Add ETag and Last-Modified to a successful GET; answer 304 when the client's copy is current.

    If-None-Match wins over If-Modified-Since, as RFC 9110 says.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        modified = _last_modified(request, etag)
        response.headers["ETag"] = etag
        response.headers["Last-Modified"] = http_date(modified)
        response.headers.setdefault("Cache-Control", "no-cache")
        conditional = get_conditional_response(
            request, etag=etag, last_modified=int(modified), response=response
        )
        return conditional or response

    return wrapper
