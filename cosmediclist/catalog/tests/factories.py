"""Catalogue factories (the only ones for treatments, concerns and areas) and mesotherapy, the persona
clinics' treatment: deterministic sequences, no random values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

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


def seq(function: Callable[[int], object]) -> Any:
    return Sequence(function)  # type: ignore[no-untyped-call]


def sub(factory: type[DjangoModelFactory[Any]]) -> Any:
    return SubFactory(factory)  # type: ignore[no-untyped-call]


class BodyAreaFactory(DjangoModelFactory[BodyArea]):
    class Meta:
        model = BodyArea

    name = seq(lambda n: f"Area {n}")
    slug = seq(lambda n: f"area-{n}")
    summary = "A part of the body."


class ConcernFactory(DjangoModelFactory[Concern]):
    class Meta:
        model = Concern

    name = seq(lambda n: f"Concern {n}")
    slug = seq(lambda n: f"concern-{n}")
    summary = "Something a person would like to change."
    description = "A longer description of the concern."


class TreatmentFactory(DjangoModelFactory[Treatment]):
    class Meta:
        model = Treatment

    name = seq(lambda n: f"Treatment {n:03d}")
    slug = seq(lambda n: f"treatment-{n:03d}")
    summary = "A treatment used in tests."
    description = "First paragraph.\n\nSecond paragraph."
    category = "skin-rejuvenation"
    procedure_type = "non_invasive"
    anaesthesia = "none"
    pain_score = 2
    sessions_min = 1
    sessions_max = 3
    session_minutes_min = 30
    session_minutes_max = 45
    interval_weeks_min = 2
    interval_weeks_max = 4
    downtime_days_min = 0
    downtime_days_max = 0
    results_months_min = 3
    results_months_max = 6
    price_gbp_min = 100
    price_gbp_max = 200
    is_adults_only = True
    evidence_level = "limited"
    evidence_note = "A few small studies."
    how_performed = "Applied to clean skin."
    preparation = "Arrive without make-up."
    followup = "Review after four weeks."


class TreatmentConcernFactory(DjangoModelFactory[TreatmentConcern]):
    class Meta:
        model = TreatmentConcern

    treatment = sub(TreatmentFactory)
    concern = sub(ConcernFactory)
    how_it_helps = "Softens it over a course."


class SideEffectFactory(DjangoModelFactory[SideEffect]):
    class Meta:
        model = SideEffect

    treatment = sub(TreatmentFactory)
    name = seq(lambda n: f"Side effect {n}")
    frequency = "common"
    note = "Settles within hours."


class AftercareStepFactory(DjangoModelFactory[AftercareStep]):
    class Meta:
        model = AftercareStep

    treatment = sub(TreatmentFactory)
    after_hours = seq(lambda n: 24 * n)
    timing_label = seq(lambda n: f"Day {n}")
    instruction = "Avoid saunas."


class ReferenceFactory(DjangoModelFactory[Reference]):
    class Meta:
        model = Reference

    treatment = sub(TreatmentFactory)
    title = seq(lambda n: f"A study number {n}")
    publisher = "Journal of Tests"
    year = 2020
    doi = seq(lambda n: f"10.1000/test.{n}")


class ContraindicationFactory(DjangoModelFactory[Contraindication]):
    class Meta:
        model = Contraindication

    slug = seq(lambda n: f"screening-{n}")
    question = seq(lambda n: f"Do you have condition {n}?")
    handling = "clinician_review"


def full_treatment(n_each: int = 1, **fields: object) -> Treatment:
    """A published treatment with ``n_each`` of every child and link."""
    treatment = TreatmentFactory.create(**fields)
    for _ in range(n_each):
        TreatmentConcernFactory.create(treatment=treatment)
        SideEffectFactory.create(treatment=treatment)
        AftercareStepFactory.create(treatment=treatment)
        ReferenceFactory.create(treatment=treatment)
        treatment.areas.add(BodyAreaFactory.create())
        ContraindicationFactory.create().treatments.add(treatment)
    return treatment


class _Question(TypedDict):
    slug: str
    question: str
    handling: str
    wait_weeks: int | None


# Mesotherapy's screening questions: one for each way of handling a yes.
SCREENING_QUESTIONS: list[_Question] = [
    {
        "slug": "pregnancy-breastfeeding",
        "question": "Are you pregnant, trying to conceive or breastfeeding?",
        "handling": "do_not_treat",
        "wait_weeks": None,
    },
    {
        "slug": "anticoagulants-bleeding-disorder",
        "question": "Do you take blood-thinning medicine or have a bleeding disorder?",
        "handling": "clinician_review",
        "wait_weeks": None,
    },
    {
        "slug": "recent-vaccination-or-antibiotics",
        "question": "Have you had a vaccination, an illness or antibiotics in the last two weeks?",
        "handling": "wait",
        "wait_weeks": 2,
    },
]


def mesotherapy() -> Treatment:
    """Mesotherapy, the treatment the persona clinics offer: three screening questions, two aftercare steps.

    Made once per test: a second call returns the same row.
    """
    found = Treatment.objects.filter(slug="mesotherapy").first()
    if found is not None:
        return found
    treatment = TreatmentFactory.create(
        name="Mesotherapy",
        slug="mesotherapy",
        procedure_type="minimally_invasive",
        anaesthesia="topical",
        sessions_min=3,
        sessions_max=4,
        session_minutes_max=60,
        interval_weeks_max=2,
        results_months_min=4,
        price_gbp_min=80,
        price_gbp_max=250,
    )
    for spec in SCREENING_QUESTIONS:
        question, _ = Contraindication.objects.get_or_create(slug=spec["slug"], defaults=dict(spec))
        question.treatments.add(treatment)
    AftercareStepFactory.create(
        treatment=treatment, after_hours=0, timing_label="Straight after", instruction="Leave the skin bare."
    )
    AftercareStepFactory.create(
        treatment=treatment,
        after_hours=24,
        timing_label="First 24 hours",
        instruction="Avoid heavy exercise, saunas and alcohol.",
    )
    return treatment


def concern(slug: str = "stretch-marks") -> Concern:
    """The concern with this slug, made on first use."""
    found, _ = Concern.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )
    return found


def area(slug: str = "face") -> BodyArea:
    """The body area with this slug, made on first use."""
    found, _ = BodyArea.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})
    return found
