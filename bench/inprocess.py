"""Shared helpers for the in-process benchmarks: Django set up from the environment, timings, queries."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cosmediclist.settings")
os.environ.setdefault("HTTPS", "false")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def timed(call: Callable[[], Any], rounds: int) -> tuple[float, float]:
    """Median and 95th-percentile milliseconds of ``rounds`` calls, after one warm-up call."""
    call()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def queries(call: Callable[[], Any]) -> int:
    """How many SQL queries one call runs (after a warm-up call, so caches are as in ``timed``)."""
    call()
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def client() -> Client:
    """A test client addressing the first allowed host (make bench allows 127.0.0.1 only)."""
    hosts = [h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"]
    return Client(HTTP_HOST=hosts[0] if hosts else "testserver")
