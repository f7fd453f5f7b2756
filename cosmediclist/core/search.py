"""Site search: each app contributes a provider; results come back grouped by kind.

A provider is a callable named in settings.SEARCH_PROVIDERS:
``provider(query: str, limit: int) -> SearchGroup``; it may also offer
``provider.vocabulary() -> list[str]`` (names of things it can find), from which a query with
no result gets "did you mean" suggestions.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    summary: str = ""


@dataclass(frozen=True)
class SearchGroup:
    kind: str  # "Treatments", "Guides", "Clinics"…
    results: list[SearchResult] = field(default_factory=list)


class Provider(Protocol):
    def __call__(self, query: str, limit: int) -> SearchGroup: ...


def providers() -> list[Callable[[str, int], SearchGroup]]:
    return [import_string(path) for path in settings.SEARCH_PROVIDERS]


def clean_query(raw: str) -> str:
    """Collapse whitespace, drop control characters and cap the length."""
    text = "".join(ch for ch in raw if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(query: str, *, limit: int = 10) -> list[SearchGroup]:
    """Every provider's results for the query, empty groups left out."""
    if not query:
        return []
    groups = [provider(query, limit) for provider in providers()]
    return [group for group in groups if group.results]


VOCABULARY_CACHE_KEY = "search:vocabulary:v1"
# Suggestions may miss a name added in the last few minutes; that is the price of not reading
# every clinic and practitioner name (40,000 with 10,000 clinics) on each query that finds nothing.
VOCABULARY_CACHE_SECONDS = 300


def vocabulary() -> dict[str, str]:
    """Every provider's vocabulary as {lowercase: as written}, cached for a few minutes."""
    cached: dict[str, str] | None = cache.get(VOCABULARY_CACHE_KEY)
    if cached is not None:
        return cached
    words: list[str] = []
    for provider in providers():
        source = getattr(provider, "vocabulary", None)
        if source is not None:
            words.extend(source())
    lowered = {w.lower(): w for w in words}
    cache.set(VOCABULARY_CACHE_KEY, lowered, VOCABULARY_CACHE_SECONDS)
    return lowered


def suggestions(query: str, *, count: int = 5) -> list[str]:
    """Close matches from every provider's vocabulary, for a query that found nothing."""
    lowered = vocabulary()
    matches = difflib.get_close_matches(query.lower(), list(lowered), n=count, cutoff=0.6)
    return [lowered[m] for m in matches]
