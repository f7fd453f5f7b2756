"""Site search: each app contributes a provider; results come back grouped by kind.

A provider is a callable named in settings.SEARCH_PROVIDERS:
``provider(query: str, limit: int) -> SearchGroup``; it may also offer
``provider.vocabulary() -> list[str]`` (names of things it can find, with an optional
``provider.vocabulary_weight``), from which a query with no result gets "did you mean"
suggestions. settings.SEARCH_INTENT names the function that reads what a query asks for (a
treatment, a place) before the providers run.
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

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


_WORD = re.compile(r"\w+")


def full_text_terms(query: str) -> str:
    """The query's words only, for the full-text backends (SQLite FTS5, PostgreSQL).

    The search backend quotes each word but passes quotes, stars, colons, brackets and the
    like through as FTS5 syntax, where a lone ``"`` is an error: only the words are searched.
    """
    return " ".join(_WORD.findall(query))


def _case_blind(text: str) -> str:
    """What the providers' matching sees of a query: ASCII letters in any case are the same."""
    return text.lower() if text.isascii() else text


def search(query: str, *, limit: int = 10, alternatives: tuple[str, ...] = ()) -> list[SearchGroup]:
    """Every provider's results for the query, empty groups left out.

    A provider that finds nothing for the query is asked again with each of ``alternatives``
    (the catalogue's names for what the query means: "botox" → "Anti-wrinkle injections"), but
    not with one that differs from the query only in case ("mesotherapy" → "Mesotherapy"): every
    provider matches ASCII letters regardless of case (SQLite's LIKE only those), so it would
    find nothing again.
    """
    if not query:
        return []
    tried = {_case_blind(query)}
    others = []
    for alternative in alternatives:
        if _case_blind(alternative) not in tried:
            tried.add(_case_blind(alternative))
            others.append(alternative)
    groups = []
    for provider in providers():
        group = provider(query, limit)
        for alternative in others:
            if group.results:
                break
            group = provider(alternative, limit)
        groups.append(group)
    return [group for group in groups if group.results]


def interpret(query: str, near: str = "") -> Any:
    """What the query asks for, as read by settings.SEARCH_INTENT (see directory.intent)."""
    return import_string(settings.SEARCH_INTENT)(query, near)


# Suggestions come from the catalogue, the guides and places (not from clinic or practitioner
# names). The index lives in each process's memory (unpickling it from a shared cache took longer
# than the search itself); an edit to what it is built from bumps a generation number in the
# shared cache, and each process rebuilds its index when it sees a new one.
VOCABULARY_SECONDS = 300
GENERATION_KEY = "search:vocabulary-generation"
_memo: tuple[float, object, Vocabulary] | None = None


@dataclass(frozen=True)
class Vocabulary:
    """Every provider's words as {lowercase: as written}, which words hold each trigram, and how
    much each source weighs when suggestions tie (the catalogue first, then guides, then places)."""

    words: dict[str, str]
    trigrams: dict[str, frozenset[str]]
    weights: dict[str, float] = field(default_factory=dict)


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def forget_vocabulary() -> None:
    """Drop this process's vocabulary, so that the next suggestion reads every provider again."""
    global _memo
    _memo = None


def vocabulary_changed(**kwargs: Any) -> None:
    """Tell every process to rebuild its vocabulary (a signal receiver for edits to its sources)."""
    cache.set(GENERATION_KEY, time.time_ns(), None)
    forget_vocabulary()


def vocabulary() -> Vocabulary:
    """The site's vocabulary for suggestions, built from every provider, rebuilt after edits."""
    global _memo
    generation = cache.get(GENERATION_KEY)
    if _memo is not None and _memo[1] == generation and time.monotonic() - _memo[0] < VOCABULARY_SECONDS:
        return _memo[2]
    lowered: dict[str, str] = {}
    weights: dict[str, float] = {}
    for provider in providers():
        source = getattr(provider, "vocabulary", None)
        if source is None:
            continue
        weight = float(getattr(provider, "vocabulary_weight", 0.0))
        for word in source():
            key = word.lower()
            if weights.get(key, -1.0) < weight:
                lowered[key], weights[key] = word, weight
    index: dict[str, set[str]] = {}
    for word in lowered:
        for gram in _trigrams(word):
            index.setdefault(gram, set()).add(word)
    built = Vocabulary(lowered, {gram: frozenset(found) for gram, found in index.items()}, weights)
    _memo = (time.monotonic(), generation, built)
    return built


def _closest(known: Vocabulary, wanted: str, count: int) -> list[str]:
    """Words close to ``wanted``, best first: similarity, then the weight of their source."""
    candidates: set[str] = set()
    for gram in _trigrams(wanted):
        candidates |= known.trigrams.get(gram, frozenset())
    scored = []
    for candidate in candidates:
        matcher = difflib.SequenceMatcher(None, wanted, candidate)
        if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
            continue
        ratio = matcher.ratio()
        if ratio >= 0.6:
            scored.append((-(ratio + known.weights.get(candidate, 0.0)), candidate))
    return [candidate for _, candidate in sorted(scored)[:count]]


def suggestions(query: str, *, count: int = 5) -> list[str]:
    """Close matches from every provider's vocabulary, for a query that found nothing.

    Only words sharing a trigram with the query are compared (a close match almost always
    shares several), so the cost follows the query, not the size of the vocabulary. A query of
    several words that matches nothing whole gets each unknown word corrected in place
    ("mesotherpy manchestr" → "mesotherapy manchester").
    """
    known = vocabulary()
    wanted = query.lower()[:MAX_QUERY_LENGTH]
    whole = [known.words[m] for m in _closest(known, wanted, count)]
    words = wanted.split()
    if whole or len(words) < 2 or len(words) > 6:
        return whole
    corrected = []
    for word in words:
        if word in known.words or len(word) < 3:
            corrected.append(word)
            continue
        close = _closest(known, word, 1)
        corrected.append(known.words[close[0]] if close else word)
    phrase = " ".join(corrected)
    return [phrase] if phrase.lower() != wanted else []
