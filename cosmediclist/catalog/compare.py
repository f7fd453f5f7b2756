"""Side-by-side comparison: parsing the URL, its canonical order, and the rows of the table."""

from __future__ import annotations

from dataclasses import dataclass

from cosmediclist.catalog import facts
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.services import COMPARE_SEPARATOR

MIN_TREATMENTS = 2
MAX_TREATMENTS = 4


class CompareError(Exception):
    """A comparison that cannot be shown; ``status`` is 400 (bad request) or 404 (unknown)."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def canonical_combo(slugs: list[str]) -> str:
    """The one URL segment for a set of treatments: slugs in alphabetical order joined by "-vs-"."""
    return COMPARE_SEPARATOR.join(sorted(slugs))


def check_slugs(slugs: list[str]) -> None:
    """Raise ``CompareError`` for too few, too many or repeated treatments."""
    if len(slugs) < MIN_TREATMENTS:
        raise CompareError("Choose at least two treatments to compare.")
    if len(slugs) > MAX_TREATMENTS:
        raise CompareError(
            f"You can compare up to {MAX_TREATMENTS} treatments at a time; you chose {len(slugs)}."
        )
    repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if repeated:
        raise CompareError(f"Each treatment can appear only once; repeated: {', '.join(repeated)}.")


def parse_combo(combo: str) -> list[str]:
    slugs = combo.split(COMPARE_SEPARATOR)
    if any(not slug for slug in slugs):
        raise CompareError("This comparison address is not complete.")
    check_slugs(slugs)
    return slugs


def load_treatments(slugs: list[str]) -> list[Treatment]:
    """The published treatments in ``slugs``' order (3 queries); ``CompareError`` 404 if any is unknown."""
    found = {t.slug: t for t in Treatment.objects.published().filter(slug__in=slugs).for_cards()}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise CompareError(f"We have no treatment called “{'”, “'.join(missing)}”.", status=404)
    return [found[slug] for slug in slugs]


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    values: list[str]
    names: list[str]  # the treatments' names, one per value, to label cells on a phone

    @property
    def differs(self) -> bool:
        return len(set(self.values)) > 1

    @property
    def cells(self) -> list[tuple[str, str]]:
        return list(zip(self.names, self.values, strict=True))


def rows(treatments: list[Treatment]) -> list[Row]:
    """One row per fact, plus concerns and areas, each knowing whether the treatments differ."""
    names = [t.name for t in treatments]
    per_treatment = [facts.at_a_glance(t) for t in treatments]
    table = [
        Row(first.key, first.label, [column[i].value for column in per_treatment], names)
        for i, first in enumerate(per_treatment[0])
    ]
    concerns = [", ".join(link.concern.name for link in t.concern_links.all()) or "—" for t in treatments]
    areas = [", ".join(area.name for area in t.areas.all()) or "—" for t in treatments]
    table.append(Row("concerns", "Used for", concerns, names))
    table.append(Row("areas", "Body areas", areas, names))
    return table
