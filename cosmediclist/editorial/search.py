"""Guides in the site search (core/search.py): Wagtail's search backend over live articles."""

from __future__ import annotations

from taggit.models import Tag

from cosmediclist.core.search import SearchGroup, SearchResult, full_text_terms
from cosmediclist.editorial.models import ArticlePage


def guides(query: str, limit: int) -> SearchGroup:
    terms = full_text_terms(query)
    if not terms:
        return SearchGroup("Guides", [])
    pages = list(ArticlePage.objects.live().public().search(terms)[:limit])
    if not pages and len(terms) <= 5:  # a short query is the start of a word: "meso", "peel"
        pages = list(
            ArticlePage.objects.live().public().filter(title__icontains=terms).order_by("title")[:limit]
        )
    return SearchGroup(
        "Guides", [SearchResult(title=page.title, url=page.url, summary=page.standfirst) for page in pages]
    )


def vocabulary() -> list[str]:
    """Guide titles and their tags, for "did you mean"."""
    titles = list(ArticlePage.objects.live().values_list("title", flat=True))
    tags = list(
        Tag.objects.filter(editorial_articlepagetag_items__content_object__live=True)
        .values_list("name", flat=True)
        .distinct()
    )
    words = {word.strip("?,.:").lower() for title in titles for word in title.split() if len(word) > 6}
    return titles + tags + sorted(words)


guides.vocabulary = vocabulary  # type: ignore[attr-defined]
guides.vocabulary_weight = 0.05  # type: ignore[attr-defined]
