"""The request's rules, written once on ``ConsultationInput``, hold for any caller of the service."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cosmediclist.catalog.tests.factories import concern
from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.tests.factories import form_data
from cosmediclist.directory.tests.factories import clinic_offering


def consultation(clinic: Any, treatment: Any, **changes: Any) -> services.ConsultationInput:
    fields: dict[str, Any] = {
        "clinics": [clinic],
        "treatments": [treatment],
        "name": "Pia Patient",
        "email": "pia.patient@example.org",
        "idempotency_token": "input-token-0123456789",
        "is_adult_confirmed": True,
        "answers": [
            services.Answer("pregnancy-breastfeeding", False),
            services.Answer("anticoagulants-bleeding-disorder", False),
            services.Answer("recent-vaccination-or-antibiotics", False),
        ],
    }
    fields.update(changes)
    return services.ConsultationInput(**fields)


def refusal(consultation: services.ConsultationInput) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        services.submit_request(consultation)
    assert not ConsultationRequest.objects.exists()
    return caught.value.message_dict


def test_a_complete_input_is_stored(clinic, treatment) -> None:
    [made] = services.submit_request(consultation(clinic, treatment))
    assert made.answers.count() == 3 and made.clinic == clinic


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"clinics": []}, "clinics", "Tick at least one clinic"),
        ({"treatments": []}, "treatments", "Choose at least one treatment."),
        ({"name": "  "}, "name", "Please give your name."),
        ({"phone": "call me maybe"}, "phone", "Use digits"),
        ({"contact_method": "phone"}, "phone", "Give a phone number"),
        ({"is_adult_confirmed": False}, "is_adult_confirmed", "adults only"),
        ({"answers": []}, "q_pregnancy-breastfeeding", "Please answer yes or no."),
    ],
)
def test_each_rule_names_its_field(clinic, treatment, changes, field, message) -> None:
    assert message in refusal(consultation(clinic, treatment, **changes))[field][0]


def test_more_than_three_clinics_are_refused(treatment) -> None:
    clinics = [clinic_offering(treatment, name=f"Clinic {n}") for n in range(4)]
    assert refusal(consultation(clinics[0], treatment, clinics=clinics))["clinics"] == [
        "Choose up to 3 clinics."
    ]


def test_an_unverified_clinic_is_refused_by_the_service(treatment) -> None:
    unverified = clinic_offering(treatment, is_verified=False, verified_at=None, name="Not Yet")
    assert "Not Yet is not verified yet" in refusal(consultation(unverified, treatment))["clinics"][0]


def test_a_repeated_concern_is_refused_and_the_form_shows_it_by_the_second_concern(
    client: Client, clinic, treatment
) -> None:
    dry = concern()
    assert "different concern" in refusal(consultation(clinic, treatment, concerns=[dry, dry]))["concerns"][0]
    data = form_data([clinic], treatment, concern_1=dry.pk, concern_2=dry.pk)
    response = client.post(f"/clinics/{clinic.slug}/consultation/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert '<ul class="errorlist" id="id_concern_2_error"><li>Choose a different concern' in page
