from __future__ import annotations

import time_machine
from django.core.cache import caches

from cosmediclist.core import ratelimit


def _exhaust(limit: int) -> list[bool]:
    return [ratelimit.hit("t", "1.2.3.4", limit=limit, window=60).allowed for _ in range(limit + 1)]


def test_hits_within_the_limit_are_allowed_then_refused(db: None) -> None:
    assert _exhaust(3) == [True, True, True, False]
    assert not ratelimit.peek("t", "1.2.3.4", limit=3, window=60).allowed
    assert ratelimit.peek("t", "5.6.7.8", limit=3, window=60).allowed


def test_the_window_resets(db: None) -> None:
    with time_machine.travel("2026-01-01 10:00:00", tick=False) as traveller:
        assert _exhaust(2)[-1] is False
        traveller.shift(61)
        assert ratelimit.hit("t", "1.2.3.4", limit=2, window=60).allowed


def test_limits_are_kept_in_redis_when_configured(redis_cache) -> None:
    assert _exhaust(2) == [True, True, False]
    # The identifier is hashed: the cache never holds it in clear.
    client = caches["limits"]._cache.get_client()  # type: ignore[attr-defined]
    keys = [k.decode() for k in client.keys("cml-test*")]
    assert keys and all("1.2.3.4" not in k for k in keys)
