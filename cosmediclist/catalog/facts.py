"""Plain-language wording of a treatment's facts, shared by every page that shows them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cosmediclist.catalog.models import Treatment


def plural(count: int, word: str, words: str | None = None) -> str:
    return word if count == 1 else (words or word + "s")


def span(low: int | None, high: int | None, unit: str, units: str | None = None) -> str:
    """ "3–4 sessions", "1 session", "" when unknown."""
    if low is None or high is None:
        return ""
    if low == high:
        return f"{low} {plural(low, unit, units)}"
    return f"{low}–{high} {plural(high, unit, units)}"


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: str


def downtime(t: Treatment) -> str:
    if t.downtime_days_max == 0:
        return "None"
    return span(t.downtime_days_min, t.downtime_days_max, "day")


def results_last(t: Treatment) -> str:
    if t.results_months_min is None:
        return "Long-lasting"
    return span(t.results_months_min, t.results_months_max, "month")


def interval(t: Treatment) -> str:
    if t.interval_weeks_min is None:
        return "Usually a single session"
    return span(t.interval_weeks_min, t.interval_weeks_max, "week") + " apart"


def price(t: Treatment) -> str:
    if t.price_gbp_min == t.price_gbp_max:
        return f"£{t.price_gbp_min:,} per session"
    return f"£{t.price_gbp_min:,}–£{t.price_gbp_max:,} per session"


def _pounds(low: int, high: int) -> str:
    return f"£{low:,}" if low == high else f"£{low:,}–£{high:,}"


def course_cost_range(t: Treatment) -> tuple[int, int]:
    """A typical course in pounds: fewest sessions at the lowest price to most at the highest."""
    return t.sessions_min * t.price_gbp_min, t.sessions_max * t.price_gbp_max


def course_cost(t: Treatment) -> str:
    return _pounds(*course_cost_range(t)) + f" ({span(t.sessions_min, t.sessions_max, 'session')})"


def maintenance_sessions(t: Treatment) -> tuple[int, int] | None:
    """Sessions a year to keep results, one each time they usually wear off; None when long-lasting."""
    if t.results_months_min is None:
        return None
    longest = t.results_months_max or t.results_months_min
    return math.ceil(12 / max(longest, 1)), math.ceil(12 / max(t.results_months_min, 1))


def maintenance_cost_range(t: Treatment) -> tuple[int, int]:
    sessions = maintenance_sessions(t)
    if sessions is None:
        return 0, 0
    return sessions[0] * t.price_gbp_min, sessions[1] * t.price_gbp_max


def maintenance_cost(t: Treatment) -> str:
    sessions = maintenance_sessions(t)
    if sessions is None:
        return "Usually none: results are long-lasting"
    return _pounds(*maintenance_cost_range(t)) + f" ({span(sessions[0], sessions[1], 'session')} a year)"


def at_a_glance(t: Treatment) -> list[Fact]:
    """The facts of the "at a glance" box and the comparison table, in a fixed order."""
    return [
        Fact("procedure_type", "Type", t.get_procedure_type_display()),
        Fact("anaesthesia", "Anaesthesia", t.get_anaesthesia_display()),
        Fact("pain", "Discomfort", f"{t.pain_score} out of 10"),
        Fact("sessions", "Sessions", span(t.sessions_min, t.sessions_max, "session")),
        Fact("session_length", "Each session", span(t.session_minutes_min, t.session_minutes_max, "minute")),
        Fact("interval", "Interval", interval(t)),
        Fact("downtime", "Downtime", downtime(t)),
        Fact("results", "Results last", results_last(t)),
        Fact("price", "Typical UK price", price(t)),
        Fact("adults_only", "Age", "Adults only (18+)" if t.is_adults_only else "No age limit set"),
        Fact("evidence", "Evidence", t.get_evidence_level_display()),
    ]
