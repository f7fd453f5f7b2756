"""Every model that could hold a person's data is declared in some app's personal_data.py."""

from __future__ import annotations

from django.apps import apps

from cosmediclist.core.personal_data import holdings, is_declared, personal_fields


def test_every_model_with_a_personal_field_is_declared() -> None:
    forgotten = {
        model._meta.label_lower: personal_fields(model)
        for model in apps.get_models()
        if personal_fields(model) and not is_declared(model._meta.label_lower)
    }
    assert forgotten == {}, (
        "Declare these in their app's personal_data.py (Holding, or NotPersonal with the reason): "
        f"{forgotten}"
    )


def test_the_introspection_sees_the_fields_that_make_a_model_personal() -> None:
    from cosmediclist.consultations.models import ConsultationRequest
    from cosmediclist.discussion.models import Comment

    assert {"name", "email", "phone", "hopes", "user"} <= set(personal_fields(ConsultationRequest))
    assert {"name", "email", "body", "user", "ip_hash"} <= set(personal_fields(Comment))


def test_an_undeclared_model_would_be_caught() -> None:
    assert not is_declared("consultations.somethingnew")
    assert is_declared("reviews.review")


def test_every_holding_names_a_real_model_and_runs_its_account_last() -> None:
    declared = holdings()
    for holding in declared:
        assert holding.model_class._meta.label_lower == holding.model
    assert declared[-1].model == "accounts.user"
