"""What a site-search query asks for: a treatment or concern, a place, or both.

"mesotherapy manchester", "fillers in leeds" and "manchester mesotherapy" all name a treatment
and a place: the search page then opens with the clinics offering it near that place and a link
to the clinic search for exactly that (see core/views.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from cosmediclist.catalog import terms as catalogue_terms
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory import finder, geo, places
from cosmediclist.directory.forms import DEFAULT_RADIUS
from cosmediclist.directory.models import Clinic

# Words that join a treatment and a place without naming either ("botox near me in leeds").
JOINING_WORDS = frozenset(
    [
        "in",
        "near",
        "around",
        "at",
        "for",
        "of",
        "the",
        "a",
        "an",
        "me",
        "my",
        "clinic",
        "clinics",
        "best",
        "cheap",
        "cheapest",
        "nearby",
        "close",
        "to",
        "uk",
    ]
)
NEARBY = 3


@dataclass
class Intent:
    terms: list[catalogue_terms.Term] = field(default_factory=list)
    place: places.Place | None = None
    place_text: str = ""  # what the reader typed for the place
    place_suggestions: tuple[str, ...] = ()
    provider_query: str = ""  # the query without the place, for the full-text providers
    clinics: list[Clinic] = field(default_factory=list)
    clinic_total: int = 0
    radius_miles: int = DEFAULT_RADIUS["mi"]

    @property
    def term(self) -> catalogue_terms.Term | None:
        return self.terms[0] if self.terms else None

    @property
    def clinic_search_url(self) -> str:
        query: dict[str, str] = {}
        if self.term is not None:
            query[self.term.kind] = self.term.slug
        if self.place is not None:
            query["near"] = self.place_text
        return reverse("directory:search") + ("?" + urlencode(query) if query else "")


def _place(words: list[str]) -> tuple[places.Place | None, str, tuple[str, ...]]:
    """The UK place (town or postcode) the leftover words name, as typed, or suggestions."""
    meaningful = [word for word in words if word not in JOINING_WORDS]
    text = " ".join(meaningful)
    if not text:
        return None, "", ()
    resolution = places.resolve(text)
    place = resolution.place
    if place is not None and place.country == "GB":
        return place, place.name if place.postcode_district else text.title(), ()
    return None, "", resolution.suggestions


def read(query: str, near: str = "") -> Intent:
    """The treatments or concerns a query names, and the place it names or ``near`` gives.

    With both, also the nearest clinics offering it (within the clinic search's default radius)
    and how many there are, so that the first result can lead to the clinic search.
    """
    match = catalogue_terms.find(query)
    place, place_text, suggestions = _place(match.rest) if match.terms or not near else (None, "", ())
    if place is None and near:
        place, place_text, _ = _place(catalogue_terms.words(near))
    provider_query = query
    if place is not None and match.rest and match.terms:
        provider_query = " ".join(t.short_name for t in match.terms)
    intent = Intent(match.terms, place, place_text, suggestions, provider_query)
    if place is not None and intent.term is not None:
        _nearby(intent)
    return intent


def _nearby(intent: Intent) -> None:
    term = intent.term
    if term is None or intent.place is None:
        return
    published = Treatment.objects.published()
    treatments = list(
        published.filter(slug=term.slug) if term.kind == "treatment" else published.for_concern(term.slug)
    )
    criteria = finder.Criteria(
        treatments=treatments,
        place=intent.place,
        radius_km=geo.to_km(intent.radius_miles, "mi"),
        sort="distance",
    )
    results = finder.find(criteria, per_page=NEARBY)
    intent.clinics, intent.clinic_total = results.clinics, results.total
