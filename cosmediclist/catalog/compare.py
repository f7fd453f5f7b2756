"""Side-by-side comparison: parsing the URL, its canonical order, and the rows of the table."""

from __future__ import annotations

import math
from collections.abc import Callable
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


Range = tuple[float, float]
# Facts read as numbers: two treatments differ only when their ranges do not overlap.
RANGES: dict[str, Callable[[Treatment], Range | None]] = {
    "sessions": lambda t: (t.sessions_min, t.sessions_max),
    "session_length": lambda t: (t.session_minutes_min, t.session_minutes_max),
    "interval": lambda t: (
        None if t.interval_weeks_min is None else (t.interval_weeks_min, t.interval_weeks_max or 0)
    ),
    "downtime": lambda t: (t.downtime_days_min, t.downtime_days_max),
    "results": lambda t: (
        (math.inf, math.inf)
        if t.results_months_min is None
        else (t.results_months_min, t.results_months_max or t.results_months_min)
    ),
    "price": lambda t: (t.price_gbp_min, t.price_gbp_max),
    "course_cost": facts.course_cost_range,
    "maintenance_cost": facts.maintenance_cost_range,
    # Discomfort: a point or two apart on a ten-point scale is within what people report.
    "pain": lambda t: (t.pain_score - 1, t.pain_score + 1),
}
DESCRIPTIVE = {"concerns", "areas"}  # lists that tell, never marked as a difference


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    values: list[str]
    names: list[str]  # the treatments' names, one per value, to label cells on a phone
    ranges: list[Range | None] | None = None

    @property
    def differs(self) -> bool:
        """Whether the difference matters: ranges that do not overlap, or different words."""
        if self.key in DESCRIPTIVE:
            return False
        if self.ranges is not None and all(r is not None for r in self.ranges):
            spans = [r for r in self.ranges if r is not None]
            return max(low for low, _ in spans) > min(high for _, high in spans)
        return len(set(self.values)) > 1

    @property
    def cells(self) -> list[tuple[str, str]]:
        return list(zip(self.names, self.values, strict=True))


def _ranges(key: str, treatments: list[Treatment]) -> list[Range | None] | None:
    read = RANGES.get(key)
    return None if read is None else [read(t) for t in treatments]


def rows(treatments: list[Treatment]) -> list[Row]:
    """One row per fact, the costs of a course and of a year's upkeep, then concerns and areas."""
    names = [t.name for t in treatments]
    per_treatment = [facts.at_a_glance(t) for t in treatments]
    table = [
        Row(
            first.key,
            first.label,
            [column[i].value for column in per_treatment],
            names,
            _ranges(first.key, treatments),
        )
        for i, first in enumerate(per_treatment[0])
    ]
    at = next(i for i, row in enumerate(table) if row.key == "price") + 1
    table[at:at] = [
        Row(
            "course_cost",
            "A typical course",
            [facts.course_cost(t) for t in treatments],
            names,
            _ranges("course_cost", treatments),
        ),
        Row(
            "maintenance_cost",
            "A year of maintenance",
            [facts.maintenance_cost(t) for t in treatments],
            names,
            _ranges("maintenance_cost", treatments),
        ),
    ]
    concerns = [", ".join(link.concern.name for link in t.concern_links.all()) or "—" for t in treatments]
    areas = [", ".join(area.name for area in t.areas.all()) or "—" for t in treatments]
    table.append(Row("concerns", "Used for", concerns, names))
    table.append(Row("areas", "Body areas", areas, names))
    return table
