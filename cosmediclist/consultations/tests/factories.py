# mypy: disable-error-code="no-untyped-call,attr-defined,type-arg"
"""Factories for consultation tests: a verified clinic offering mesotherapy, and its screening questions."""

from __future__ import annotations

from typing import Any, cast

import factory
from django.utils import timezone

from cosmediclist.catalog.models import AftercareStep, BodyArea, Concern, Contraindication, Treatment
from cosmediclist.directory.models import Clinic, ClinicMembership, Offer


class TreatmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Treatment
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    summary = "A treatment."
    category = "skin-rejuvenation"
    procedure_type = "non_invasive"
    anaesthesia = "none"
    pain_score = 2
    sessions_min = 3
    sessions_max = 4
    session_minutes_min = 30
    session_minutes_max = 60
    interval_weeks_min = 2
    interval_weeks_max = 2
    results_months_min = 4
    results_months_max = 6
    price_gbp_min = 100
    price_gbp_max = 250
    is_adults_only = True
    evidence_level = "limited"
    evidence_note = "Few trials."


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Clinic {n}")
    slug = factory.Sequence(lambda n: f"clinic-{n}")
    address = "1 High Street"
    town = "Manchester"
    postcode = "M1 1AA"
    latitude = 53.48
    longitude = -2.24
    is_verified = True
    verified_at = factory.LazyFunction(timezone.now)


QUESTIONS: list[dict[str, Any]] = [
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
    treatment = cast(Treatment, TreatmentFactory(name="Mesotherapy", slug="mesotherapy"))
    for spec in QUESTIONS:
        question, _ = Contraindication.objects.get_or_create(slug=spec["slug"], defaults=spec)
        question.treatments.add(treatment)
    for hours, label, text in [
        (0, "Straight after", "Leave the skin bare."),
        (24, "First 24 hours", "Avoid heavy exercise, saunas and alcohol."),
    ]:
        AftercareStep.objects.get_or_create(
            treatment=treatment, after_hours=hours, defaults={"timing_label": label, "instruction": text}
        )
    return treatment


def clinic_offering(treatment: Treatment, *, staff: Any = None, **extra: Any) -> Clinic:
    clinic = cast(Clinic, ClinicFactory(**extra))
    Offer.objects.create(clinic=clinic, treatment=treatment, price_from_gbp=150)
    if staff is not None:
        ClinicMembership.objects.create(user=staff, clinic=clinic)
    return clinic


def concern(slug: str = "stretch-marks") -> Concern:
    found, _ = Concern.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )
    return found


def area(slug: str = "face") -> BodyArea:
    found, _ = BodyArea.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})
    return found


def form_data(to_clinics: list[Clinic], treatment: Treatment, **overrides: Any) -> dict[str, Any]:
    """A complete, valid POST for the request form: yes to the blood-thinner question."""
    data: dict[str, Any] = {
        "clinics": [c.pk for c in to_clinics],
        "treatments": [treatment.pk],
        "concern_1": concern().pk,
        "areas": [area().pk],
        "hopes": "Softer stretch marks on my tummy before summer",
        "contact_method": "email",
        "contact_times": "Weekday evenings",
        "name": "Rosa Reader",
        "email": "rosa.reader@example.org",
        "phone": "",
        "is_adult_confirmed": "on",
        "idempotency_token": "token-0123456789abcdef",
        "q_pregnancy-breastfeeding": "no",
        "q_anticoagulants-bleeding-disorder": "yes",
        "q_anticoagulants-bleeding-disorder_detail": "Warfarin since 2019 for a heart valve",
        "q_recent-vaccination-or-antibiotics": "no",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
