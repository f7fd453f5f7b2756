"""The words people use for treatments and concerns: names, slugs and editors' "also known as".

``index()`` maps each normalised phrase to what it names; it lives in the shared cache and is
dropped whenever a treatment or concern is saved or deleted (``forget``, connected in apps.py),
so an editor's new synonym works on the next search in every process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.urls import reverse

from cosmediclist.catalog.models import Concern, Treatment, names_in

CACHE_KEY = "catalog:search-terms:v1"
CACHE_SECONDS = 24 * 3600
_PARENTHESES = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Term:
    kind: str  # "treatment" or "concern"
    slug: str
    name: str

    @property
    def url(self) -> str:
        return reverse(f"catalog:{self.kind}-detail", args=[self.slug])

    @property
    def short_name(self) -> str:
        """The name without its bracketed part: "Anti-wrinkle injections"."""
        return _PARENTHESES.sub("", self.name).strip()


def _word(word: str) -> str:
    """A word without a plural "s": "fillers" and "filler" are the same search."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower case words without accents or punctuation: "Crow's feet" → ["crow", "s", "feet"]."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)).split()


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces, no plural "s"."""
    return " ".join(_word(word) for word in words(text))


def _phrases(name: str, slug: str, also_known_as: str) -> set[str]:
    found = {name, slug.replace("-", " "), _PARENTHESES.sub(" ", name), *names_in(also_known_as)}
    found |= set(_PARENTHESES.findall(name))
    return {normalise(phrase) for phrase in found} - {""}


def _build() -> dict[str, Term]:
    built: dict[str, Term] = {}
    # Concerns first, so that a phrase naming both (rare) leads to the treatment.
    for name, slug, also in Concern.objects.values_list("name", "slug", "also_known_as"):
        for phrase in _phrases(name, slug, also):
            built[phrase] = Term("concern", slug, name)
    for name, slug, also in Treatment.objects.published().values_list("name", "slug", "also_known_as"):
        for phrase in _phrases(name, slug, also):
            built[phrase] = Term("treatment", slug, name)
    return built


def index() -> dict[str, Term]:
    """Every phrase that names a published treatment or a concern, normalised."""
    found: dict[str, Term] | None = cache.get(CACHE_KEY)
    if found is None:
        found = _build()
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def forget(**kwargs: Any) -> None:
    """Drop the cached index (a signal receiver: any save or delete of a treatment or concern)."""
    cache.delete(CACHE_KEY)


@dataclass(frozen=True)
class Match:
    terms: list[Term]
    rest: list[str]  # the query's words (lower case, as typed) that name no treatment or concern


def find(query: str) -> Match:
    """The treatments and concerns a query names, longest phrase first, and the words left over."""
    known = index()
    typed = words(query)[:30]
    plain = [_word(word) for word in typed]
    terms: list[Term] = []
    rest: list[str] = []
    i = 0
    while i < len(plain):
        for size in range(min(6, len(plain) - i), 0, -1):
            term = known.get(" ".join(plain[i : i + size]))
            if term is not None:
                if term not in terms:
                    terms.append(term)
                i += size
                break
        else:
            rest.append(typed[i])
            i += 1
    return Match(terms, rest)


def starting_with(query: str, *, limit: int = 5) -> list[Term]:
    """Treatments and concerns with a name, or a word of one, that starts with a short query."""
    wanted = normalise(query)
    if len(wanted) < 2:
        return []
    found: list[Term] = []
    for phrase, term in sorted(index().items()):
        if term not in found and (phrase.startswith(wanted) or f" {wanted}" in f" {phrase}"):
            found.append(term)
    return found[:limit]
