"""Site-search providers: verified clinics (by name or town) and their practitioners (by name)."""

from __future__ import annotations

from django.db.models import Q

from cosmediclist.core.search import SearchGroup, SearchResult
from cosmediclist.directory import places
from cosmediclist.directory.models import Clinic, Practitioner


def clinics(query: str, limit: int) -> SearchGroup:
    found = (
        Clinic.objects.verified()
        .filter(Q(name__icontains=query) | Q(town__icontains=query) | Q(postcode__istartswith=query))
        .only("name", "slug", "town", "postcode")
        .order_by("name")[:limit]
    )
    return SearchGroup(
        "Clinics", [SearchResult(c.name, c.get_absolute_url(), f"{c.town}, {c.postcode}") for c in found]
    )


def _place_vocabulary() -> list[str]:
    """Places, for "did you mean": the towns of listed clinics and the UK's towns and cities."""
    towns = set(Clinic.objects.verified().values_list("town", flat=True).distinct())
    return sorted(towns | set(places.gazetteer().uk_keys.values()))


def practitioners(query: str, limit: int) -> SearchGroup:
    found = (
        Practitioner.objects.filter(clinic__is_verified=True, name__icontains=query)
        .select_related("clinic")
        .order_by("name")[:limit]
    )
    return SearchGroup(
        "Practitioners",
        [
            SearchResult(
                p.name,
                f"{p.clinic.get_absolute_url()}#practitioner-{p.pk}",
                f"{p.profession} at {p.clinic.name}, {p.clinic.town}",
            )
            for p in found
        ],
    )


# Suggestions name places, never clinics or people: practitioners offer no vocabulary.
clinics.vocabulary = _place_vocabulary  # type: ignore[attr-defined]
