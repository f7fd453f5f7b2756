"""Site-search providers for the catalogue: treatments, concerns and body areas.

They use Wagtail's database search backend (modelsearch): SQLite's FTS5 tables or
PostgreSQL's full-text search, whichever database is configured. Objects are indexed by the
background worker after each save (modelsearch's post_save task).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from django.db import models
from modelsearch.backends import get_search_backend

from cosmediclist.catalog import terms as catalogue_terms
from cosmediclist.catalog.models import BodyArea, Concern, Treatment, names_in
from cosmediclist.core.search import SearchGroup, SearchResult, full_text_terms

WORD = re.compile(r"[^\W\d_]{4,}")
SHORT_QUERY = 5  # letters: "bot", "meso", "filler" is not short


@dataclass(frozen=True)
class CatalogProvider:
    kind: str
    model: type[Treatment] | type[Concern] | type[BodyArea]

    def queryset(self) -> models.QuerySet[Treatment] | models.QuerySet[Concern] | models.QuerySet[BodyArea]:
        if self.model is Treatment:
            return Treatment.objects.published()
        return self.model.objects.all()

    @property
    def term_kind(self) -> str:
        return {Treatment: "treatment", Concern: "concern"}.get(self.model, "")

    def named(self, query: str) -> list[str]:
        """Slugs of what the query names (synonyms included), then of names starting with a short query."""
        if not self.term_kind:
            return []
        match = catalogue_terms.find(query)
        found = [t for t in match.terms if t.kind == self.term_kind]
        if len(catalogue_terms.normalise(query)) <= SHORT_QUERY:
            found += [t for t in catalogue_terms.starting_with(query) if t.kind == self.term_kind]
        return list(dict.fromkeys(t.slug for t in found))

    def __call__(self, query: str, limit: int) -> SearchGroup:
        terms = full_text_terms(query)
        if not terms:
            return SearchGroup(self.kind, [])
        slugs = self.named(query)
        items: list[Any] = list(self.queryset().filter(slug__in=slugs)) if slugs else []
        items.sort(key=lambda item: slugs.index(item.slug))
        if len(items) < limit:
            found = get_search_backend().search(terms, self.queryset(), operator="and")[:limit]
            items += [item for item in found if item not in items]
        return SearchGroup(
            self.kind,
            [
                SearchResult(title=item.name, url=item.get_absolute_url(), summary=item.summary)
                for item in items[:limit]
            ],
        )

    def vocabulary(self) -> list[str]:
        """Names, the longer words in them and editors' other names, for "did you mean"."""
        if self.term_kind:
            rows = list(cast(Any, self.queryset()).values_list("name", "also_known_as"))
        else:
            rows = [(name, "") for name in self.queryset().values_list("name", flat=True)]
        names = [name for name, _ in rows] + [other for _, also in rows for other in names_in(also)]
        words = {word for name in names for word in WORD.findall(name)}
        return [*names, *sorted(words)]

    vocabulary_weight = 0.1  # the catalogue's words win ties in suggestions


treatments = CatalogProvider("Treatments", Treatment)
concerns = CatalogProvider("Concerns", Concern)
areas = CatalogProvider("Body areas", BodyArea)
