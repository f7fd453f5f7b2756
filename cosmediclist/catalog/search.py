"""Site-search providers for the catalogue: treatments, concerns and body areas.

They use Wagtail's database search backend (modelsearch): SQLite's FTS5 tables or
PostgreSQL's full-text search, whichever database is configured. Objects are indexed by the
background worker after each save (modelsearch's post_save task).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models
from modelsearch.backends import get_search_backend

from cosmediclist.catalog.models import BodyArea, Concern, Treatment
from cosmediclist.core.search import SearchGroup, SearchResult, full_text_terms

WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class CatalogProvider:
    kind: str
    model: type[Treatment] | type[Concern] | type[BodyArea]

    def queryset(self) -> models.QuerySet[Treatment] | models.QuerySet[Concern] | models.QuerySet[BodyArea]:
        if self.model is Treatment:
            return Treatment.objects.published()
        return self.model.objects.all()

    def __call__(self, query: str, limit: int) -> SearchGroup:
        terms = full_text_terms(query)
        if not terms:
            return SearchGroup(self.kind, [])
        found = get_search_backend().search(terms, self.queryset(), operator="and")[:limit]
        return SearchGroup(
            self.kind,
            [
                SearchResult(title=item.name, url=item.get_absolute_url(), summary=item.summary)
                for item in found
            ],
        )

    def vocabulary(self) -> list[str]:
        """Names and the longer words in them, for "did you mean" suggestions."""
        names = list(self.queryset().values_list("name", flat=True))
        words = {word for name in names for word in WORD.findall(name)}
        return [*names, *sorted(words)]


treatments = CatalogProvider("Treatments", Treatment)
concerns = CatalogProvider("Concerns", Concern)
areas = CatalogProvider("Body areas", BodyArea)
