"""Catalogue factories: deterministic sequences, no random values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
