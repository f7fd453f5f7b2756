"""The catalogue's rules: ranges enforced by the database, and services that name the field."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cosmediclist.catalog import services
from cosmediclist.catalog.models import Contraindication, Treatment
from cosmediclist.catalog.tests.factories import BodyAreaFactory, ConcernFactory, TreatmentFactory
from cosmediclist.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "changes",
    [
        {"sessions_min": 4, "sessions_max": 3},
        {"session_minutes_min": 60, "session_minutes_max": 30},
        {"interval_weeks_min": 6, "interval_weeks_max": 2},
        {"interval_weeks_min": 2, "interval_weeks_max": None},
        {"downtime_days_min": 5, "downtime_days_max": 1},
        {"results_months_min": 12, "results_months_max": 6},
        {"results_months_min": None, "results_months_max": 6},
        {"price_gbp_min": 500, "price_gbp_max": 100},
        {"pain_score": 11},
        {"sessions_min": 0, "sessions_max": 2},
    ],
)
def test_the_database_rejects_impossible_ranges(changes: dict[str, Any]) -> None:
    treatment = TreatmentFactory.create()
    for field, value in changes.items():
        setattr(treatment, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        treatment.save()


def test_the_database_requires_weeks_when_the_handling_is_wait() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Contraindication.objects.create(slug="x", question="?", handling="wait", wait_weeks=None)


def facts(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Peel",
        "summary": "An acid solution that removes the outer layer of skin.",
        "category": "skin-rejuvenation",
        "procedure_type": "non_invasive",
        "anaesthesia": "none",
        "pain_score": 3,
        "sessions_min": 1,
        "sessions_max": 6,
        "session_minutes_min": 20,
        "session_minutes_max": 40,
        "interval_weeks_min": 2,
        "interval_weeks_max": 4,
        "downtime_days_min": 0,
        "downtime_days_max": 7,
        "results_months_min": 1,
        "results_months_max": 3,
        "price_gbp_min": 60,
        "price_gbp_max": 200,
        "is_adults_only": True,
        "evidence_level": "moderate",
        "evidence_note": "Well studied for some uses.",
        "description": "",
        "how_performed": "",
        "preparation": "",
        "followup": "",
    }
    return {**data, **changes}


def test_save_treatment_creates_then_updates_with_children_and_audits(editor) -> None:
    ConcernFactory.create(slug="dull-skin")
    BodyAreaFactory.create(slug="face")
    kwargs: dict[str, Any] = {
        "actor": editor,
        "slug": "peel",
        "side_effects": [services.SideEffectIn("Redness", "common")],
        "aftercare": [services.AftercareIn(24, "First 24 hours", "No sauna.")],
        "references": [services.ReferenceIn("A review", "A journal", 2019, doi="10.1/x")],
        "concerns": [services.ConcernLinkIn("dull-skin", "Brightens.")],
        "areas": ["face"],
    }
    treatment = services.save_treatment(**kwargs, **facts())
    again = services.save_treatment(**kwargs, **facts(name="Chemical peel"))
    assert again.pk == treatment.pk
    assert Treatment.objects.get(slug="peel").name == "Chemical peel"
    assert treatment.side_effects.count() == 1 and treatment.concern_links.count() == 1
    assert [a.slug for a in treatment.areas.all()] == ["face"]
    events = AuditEvent.objects.filter(action="catalog.treatment_saved", object_id=str(treatment.pk))
    assert [e.data for e in events.order_by("id")] == [{"created": True}, {"created": False}]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sessions_max": 0}, "sessions_max"),
        ({"price_gbp_min": -5}, "price_gbp_min"),
        ({"results_months_max": None}, "results_months_max"),
        ({"pain_score": 12}, "pain_score"),
        ({"category": "nonsense"}, "category"),
        ({"name": ""}, "name"),
    ],
)
def test_save_treatment_names_the_field_it_rejects(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.save_treatment(actor=None, slug="peel", **facts(**changes))
    assert field in caught.value.message_dict
    assert not Treatment.objects.exists()


def test_save_treatment_rejects_unknown_links_and_compare_breaking_slugs() -> None:
    with pytest.raises(ValidationError) as caught:
        services.save_treatment(
            actor=None, slug="peel", concerns=[services.ConcernLinkIn("ghost", "?")], **facts()
        )
    assert "ghost" in caught.value.message_dict["concerns"][0]
    with pytest.raises(ValidationError) as caught:
        services.save_treatment(actor=None, slug="peel-vs-laser", **facts())
    assert "slug" in caught.value.message_dict


def test_save_contraindication_needs_weeks_to_wait() -> None:
    with pytest.raises(ValidationError) as caught:
        services.save_contraindication(actor=None, slug="tan", question="Tanned?", handling="wait")
    assert "wait_weeks" in caught.value.message_dict


def test_the_demo_catalogue_loads_twice_without_change() -> None:
    from cosmediclist.catalog import demo

    demo.load()
    counts = Treatment.objects.count(), Contraindication.objects.count()
    demo.load()
    assert (Treatment.objects.count(), Contraindication.objects.count()) == counts
    assert counts[0] >= 15
    meso = Treatment.objects.get(slug="mesotherapy")
    assert (meso.sessions_min, meso.sessions_max, meso.downtime_days_max) == (3, 4, 0)
    assert meso.concern_links.filter(concern__slug="stretch-marks").exists()
