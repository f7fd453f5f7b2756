"""Did-you-mean suggestions come from every provider's vocabulary, whatever its size."""

from __future__ import annotations

from cosmediclist.core import search

WORDS = ["Mesotherapy", "Microneedling", "Manchester", *(f"Clinic {n} of Leeds" for n in range(20_000))]


def provider(query: str, limit: int) -> search.SearchGroup:
    return search.SearchGroup("Test", [])


provider.vocabulary = lambda: WORDS  # type: ignore[attr-defined]


def test_a_misspelling_gets_the_close_names(settings) -> None:
    settings.SEARCH_PROVIDERS = ["cosmediclist.core.tests.test_search_suggestions.provider"]
    assert search.suggestions("mesotheraphy") == ["Mesotherapy"]
    assert search.suggestions("manchster")[0] == "Manchester"
    assert search.suggestions("zzzzqqqq") == []


def test_the_vocabulary_is_built_once_and_cached(settings) -> None:
    settings.SEARCH_PROVIDERS = ["cosmediclist.core.tests.test_search_suggestions.provider"]
    first = search.vocabulary()
    assert "mesotherapy" in first.words and "mesotherapy" in first.trigrams[" me"]
    WORDS.append("Mesotherapist")
    try:  # a name added since is not read again until the cache expires
        assert "mesotherapist" not in search.vocabulary().words
    finally:
        WORDS.pop()
