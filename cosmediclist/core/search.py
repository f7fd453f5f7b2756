"""Site search: each app contributes a provider; results come back grouped by kind.

A provider is a callable named in settings.SEARCH_PROVIDERS:
``provider(query: str, limit: int) -> SearchGroup``; it may also offer
``provider.vocabulary() -> list[str]`` (names of things it can find), from which a query with
no result gets "did you mean" suggestions.
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
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


_WORD = re.compile(r"\w+")


def full_text_terms(query: str) -> str:
    """The query's words only, for the full-text backends (SQLite FTS5, PostgreSQL).

    The search backend quotes each word but passes quotes, stars, colons, brackets and the
    like through as FTS5 syntax, where a lone ``"`` is an error: only the words are searched.
    """
    return " ".join(_WORD.findall(query))


def search(query: str, *, limit: int = 10) -> list[SearchGroup]:
    """Every provider's results for the query, empty groups left out."""
    if not query:
        return []
    groups = [provider(query, limit) for provider in providers()]
    return [group for group in groups if group.results]


# Suggestions may miss a name added in the last few minutes; that is the price of not reading
# every clinic and practitioner name (40,000 with 10,000 clinics) on each query that finds nothing.
# The index lives in each process's memory: unpickling it from a shared cache took longer than
# the search itself.
VOCABULARY_SECONDS = 300
_memo: tuple[float, Vocabulary] | None = None


@dataclass(frozen=True)
class Vocabulary:
    """Every provider's words as {lowercase: as written}, and which words hold each trigram."""

    words: dict[str, str]
    trigrams: dict[str, frozenset[str]]


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def forget_vocabulary() -> None:
    """Drop this process's vocabulary, so that the next suggestion reads every provider again."""
    global _memo
    _memo = None


def vocabulary() -> Vocabulary:
    """The site's vocabulary for suggestions, built from every provider, kept a few minutes."""
    global _memo
    if _memo is not None and time.monotonic() - _memo[0] < VOCABULARY_SECONDS:
        return _memo[1]
    words: list[str] = []
    for provider in providers():
        source = getattr(provider, "vocabulary", None)
        if source is not None:
            words.extend(source())
    lowered = {w.lower(): w for w in words}
    index: dict[str, set[str]] = {}
    for word in lowered:
        for gram in _trigrams(word):
            index.setdefault(gram, set()).add(word)
    built = Vocabulary(lowered, {gram: frozenset(found) for gram, found in index.items()})
    _memo = (time.monotonic(), built)
    return built


def suggestions(query: str, *, count: int = 5) -> list[str]:
    """Close matches from every provider's vocabulary, for a query that found nothing.

    Only words sharing a trigram with the query are compared (a close match almost always
    shares several), so the cost follows the query, not the size of the directory.
    """
    known = vocabulary()
    wanted = query.lower()
    candidates: set[str] = set()
    for gram in _trigrams(wanted):
        candidates |= known.trigrams.get(gram, frozenset())
    matches = difflib.get_close_matches(wanted, sorted(candidates), n=count, cutoff=0.6)
    return [known.words[m] for m in matches]
