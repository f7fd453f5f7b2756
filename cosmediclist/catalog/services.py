"""Every write to the catalogue: treatments with their children, concerns, areas, screening questions.

Each service creates or updates by slug, so loading the demo twice changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction

from cosmediclist.catalog.models import (
    AftercareStep,
    BodyArea,
    Concern,
    Contraindication,
    Reference,
    SideEffect,
    Treatment,
    TreatmentConcern,
)
from cosmediclist.core import audit

Actor = AbstractBaseUser | AnonymousUser | None

# Slugs are joined with this in comparison URLs, so no slug may contain it.
COMPARE_SEPARATOR = "-vs-"
RANGES = ("sessions", "session_minutes", "interval_weeks", "downtime_days", "results_months", "price_gbp")
OPTIONAL_RANGES = ("interval_weeks", "results_months")


class TreatmentFacts(TypedDict):
    name: str
    summary: str
    category: str
    procedure_type: str
    anaesthesia: str
    pain_score: int
    sessions_min: int
    sessions_max: int
    session_minutes_min: int
    session_minutes_max: int
    interval_weeks_min: int | None
    interval_weeks_max: int | None
    downtime_days_min: int
    downtime_days_max: int
    results_months_min: int | None
    results_months_max: int | None
    price_gbp_min: int
    price_gbp_max: int
    is_adults_only: bool
    evidence_level: str
    evidence_note: str
    description: str
    how_performed: str
    preparation: str
    followup: str


@dataclass(frozen=True)
class SideEffectIn:
    name: str
    frequency: str
    note: str = ""


@dataclass(frozen=True)
class AftercareIn:
    after_hours: int
    timing_label: str
    instruction: str


@dataclass(frozen=True)
class ReferenceIn:
    title: str
    publisher: str
    year: int | None = None
    doi: str = ""
    pmid: str = ""
    url: str = ""


@dataclass(frozen=True)
class ConcernLinkIn:
    concern: str  # slug
    how_it_helps: str


def check_treatment(*, slug: str, facts: Mapping[str, Any]) -> None:
    """The catalogue's rules for a treatment's slug and figures, shared by ``save_treatment`` and
    the CMS editor. Raises ``ValidationError`` keyed by field; figures missing from ``facts`` are
    left to the form that reports them."""
    errors: dict[str, list[str]] = {}
    if COMPARE_SEPARATOR in slug:
        errors["slug"] = ['A treatment slug cannot contain "-vs-".']
    try:
        _check_ranges(facts)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


def check_contraindication(*, handling: str, wait_weeks: int | None) -> None:
    """A "wait" answer needs a number of weeks. Raises ``ValidationError`` on ``wait_weeks``."""
    if handling == "wait" and not wait_weeks:
        raise ValidationError({"wait_weeks": "Say how many weeks to wait."})


def _check_ranges(facts: Mapping[str, Any]) -> None:
    errors: dict[str, str] = {}
    values: dict[str, int | None] = dict(facts)
    for prefix in RANGES:
        low, high = values.get(f"{prefix}_min"), values.get(f"{prefix}_max")
        if low is None or high is None:
            if prefix not in OPTIONAL_RANGES:
                errors[f"{prefix}_min" if low is None else f"{prefix}_max"] = "This field is required."
            elif (low is None) != (high is None):
                errors[f"{prefix}_max"] = "Give both the lowest and the highest value, or neither."
            continue
        if low < 0:
            errors[f"{prefix}_min"] = "Must not be negative."
        elif high < low:
            errors[f"{prefix}_max"] = f"Must be at least the lowest value ({low})."
    pain, sessions_min = facts.get("pain_score"), facts.get("sessions_min")
    if pain is not None and not 0 <= pain <= 10:
        errors["pain_score"] = "Give a score from 0 (none) to 10 (worst imaginable)."
    if sessions_min is not None and sessions_min < 1 and "sessions_min" not in errors:
        errors["sessions_min"] = "At least one session."
    if errors:
        raise ValidationError(errors)


def _slugs_or_error(
    model: type[Concern] | type[BodyArea] | type[Contraindication], slugs: Sequence[str], field: str
) -> dict[str, int]:
    found = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise ValidationError({field: f"Unknown: {', '.join(missing)}."})
    return found


def save_treatment(
    *,
    actor: Actor,
    slug: str,
    side_effects: Sequence[SideEffectIn] = (),
    aftercare: Sequence[AftercareIn] = (),
    references: Sequence[ReferenceIn] = (),
    concerns: Sequence[ConcernLinkIn] = (),
    areas: Sequence[str] = (),
    contraindications: Sequence[str] = (),
    last_reviewed_on: datetime.date | None = None,
    is_published: bool = True,
    also_known_as: str = "",
    **facts: Unpack[TreatmentFacts],
) -> Treatment:
    """Create or update the treatment ``slug`` with its facts, and replace its children and links.

    Raises ``ValidationError`` keyed by field: a range whose highest value is below its lowest
    (``sessions_max`` …), a negative value, a pain score outside 0–10, a slug containing "-vs-"
    (it would break comparison URLs), an unknown concern, area or screening question slug, or
    whatever the model's own validation rejects (choices, unique name). Nothing is written then.
    """
    check_treatment(slug=slug, facts=facts)
    concern_ids = _slugs_or_error(Concern, [link.concern for link in concerns], "concerns")
    area_ids = _slugs_or_error(BodyArea, list(areas), "areas")
    contraindication_ids = _slugs_or_error(Contraindication, list(contraindications), "contraindications")
    treatment = Treatment.objects.filter(slug=slug).first() or Treatment(slug=slug)
    created = treatment.pk is None
    for name, value in facts.items():
        setattr(treatment, name, value)
    treatment.last_reviewed_on = last_reviewed_on
    treatment.is_published = is_published
    treatment.also_known_as = also_known_as
    treatment.full_clean()
    with transaction.atomic():
        treatment.save()
        _replace_children(treatment, side_effects, aftercare, references, concerns, concern_ids)
        treatment.areas.set(area_ids.values())
        treatment.contraindications.set(contraindication_ids.values())
        audit.record(actor=actor, action="catalog.treatment_saved", obj=treatment, data={"created": created})
    return treatment


def _replace_children(
    treatment: Treatment,
    side_effects: Sequence[SideEffectIn],
    aftercare: Sequence[AftercareIn],
    references: Sequence[ReferenceIn],
    concerns: Sequence[ConcernLinkIn],
    concern_ids: dict[str, int],
) -> None:
    for model in (SideEffect, AftercareStep, Reference, TreatmentConcern):
        model.objects.filter(treatment=treatment).delete()
    SideEffect.objects.bulk_create(
        SideEffect(treatment=treatment, sort_order=i, name=e.name, frequency=e.frequency, note=e.note)
        for i, e in enumerate(side_effects)
    )
    AftercareStep.objects.bulk_create(
        AftercareStep(
            treatment=treatment,
            after_hours=a.after_hours,
            timing_label=a.timing_label,
            instruction=a.instruction,
        )
        for a in aftercare
    )
    Reference.objects.bulk_create(
        Reference(
            treatment=treatment,
            title=r.title,
            publisher=r.publisher,
            year=r.year,
            doi=r.doi,
            pmid=r.pmid,
            url=r.url,
        )
        for r in references
    )
    TreatmentConcern.objects.bulk_create(
        TreatmentConcern(treatment=treatment, concern_id=concern_ids[c.concern], how_it_helps=c.how_it_helps)
        for c in concerns
    )


def save_concern(
    *, actor: Actor, slug: str, name: str, summary: str = "", description: str = "", also_known_as: str = ""
) -> Concern:
    """Create or update the concern ``slug``. Raises ``ValidationError`` naming the field."""
    concern = Concern.objects.filter(slug=slug).first() or Concern(slug=slug)
    concern.name, concern.summary, concern.description = name, summary, description
    concern.also_known_as = also_known_as
    concern.full_clean()
    with transaction.atomic():
        concern.save()
        audit.record(actor=actor, action="catalog.concern_saved", obj=concern)
    return concern


def save_body_area(*, actor: Actor, slug: str, name: str, summary: str = "") -> BodyArea:
    """Create or update the body area ``slug``. Raises ``ValidationError`` naming the field."""
    area = BodyArea.objects.filter(slug=slug).first() or BodyArea(slug=slug)
    area.name, area.summary = name, summary
    area.full_clean()
    with transaction.atomic():
        area.save()
        audit.record(actor=actor, action="catalog.body_area_saved", obj=area)
    return area


def save_contraindication(
    *,
    actor: Actor,
    slug: str,
    question: str,
    handling: str,
    help_text: str = "",
    wait_weeks: int | None = None,
    explanation: str = "",
) -> Contraindication:
    """Create or update the screening question ``slug``.

    Raises ``ValidationError`` on ``wait_weeks`` when the handling is "wait" without a number
    of weeks, and on any other field the model rejects. Treatments link to it through
    ``save_treatment(contraindications=…)``.
    """
    check_contraindication(handling=handling, wait_weeks=wait_weeks)
    item = Contraindication.objects.filter(slug=slug).first() or Contraindication(slug=slug)
    item.question, item.handling, item.help_text = question, handling, help_text
    item.wait_weeks, item.explanation = wait_weeks, explanation
    item.full_clean()
    with transaction.atomic():
        item.save()
        audit.record(actor=actor, action="catalog.contraindication_saved", obj=item)
    return item
