"""The questionnaire asks only what applies to the chosen treatments and loses no answer."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.catalog import demo as catalog_demo
from cosmediclist.catalog.models import Concern, Contraindication, Treatment
from cosmediclist.consultations import tokens
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.directory import demo as directory_demo
from cosmediclist.directory.models import Clinic, ClinicMembership
from tests.personas import client_for

RADIO = re.compile(r"<input\b[^>]*\btype=\"radio\"[^>]*>")
NAME = re.compile(r"\bname=\"(q_[a-z0-9-]+)\"")


def asked(page: str) -> set[str]:
    """The questions a reader can answer on the page: enabled yes/no radios named q_<slug>."""
    found = set()
    for tag in RADIO.findall(page):
        name = NAME.search(tag)
        if name and " disabled" not in tag:
            found.add(name.group(1).removeprefix("q_"))
    return found


def request_data(clinic: Clinic, treatment: Treatment, slugs: set[str], token: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "clinics": [clinic.pk],
        "treatments": [treatment.pk],
        "concern_1": Concern.objects.order_by("pk").first().pk,  # type: ignore[union-attr]
        "hopes": "Smoother skin",
        "contact_method": "email",
        "name": "Rosa Reader",
        "email": "rosa.reader@example.org",
        "is_adult_confirmed": "on",
        "idempotency_token": token,
    }
    for slug in slugs:
        data[f"q_{slug}"] = "yes"
        data[f"q_{slug}_detail"] = f"Said yes to {slug}"
    return data


@pytest.fixture
def catalogue(db: None) -> None:
    accounts_demo.load()
    catalog_demo.load()
    directory_demo.load()


def test_every_answer_to_every_question_of_every_treatment_reaches_the_clinic_and_the_patient(
    catalogue: None, clinic_staff: Any
) -> None:
    staff = client_for(clinic_staff)
    treatments = Treatment.objects.published().filter(offers__clinic__is_verified=True).distinct()
    assert treatments.count() >= 5
    for number, treatment in enumerate(treatments):
        clinic = Clinic.objects.verified().offering(treatment).order_by("name").first()
        assert clinic is not None
        ClinicMembership.objects.get_or_create(user=clinic_staff, clinic=clinic)
        url = f"/clinics/{clinic.slug}/consultation/"
        reader = Client()
        shown = asked(reader.get(url, {"treatment": treatment.slug}).content.decode())
        expected = set(Contraindication.objects.filter(treatments=treatment).values_list("slug", flat=True))
        assert shown == expected, treatment.slug

        # Without a treatment chosen in the address, a reader without scripts sees the questions
        # after choosing one and pressing send; whatever they were asked, they answer.
        first = asked(reader.get(url).content.decode())
        token = f"questionnaire-token-{number:04d}"
        response = reader.post(url, request_data(clinic, treatment, first, token))
        answered = set(first)
        if response.status_code == 400:
            answered |= asked(response.content.decode())
            response = reader.post(url, request_data(clinic, treatment, answered, token))
        assert response.status_code == 302, treatment.slug
        assert answered == expected, treatment.slug

        made = ConsultationRequest.objects.get(idempotency_token=token)
        assert made.answers.count() == len(expected)
        patient_page = html.unescape(reader.get(tokens.status_path(made.reference)).content.decode())
        clinic_page = html.unescape(staff.get(f"/portal/inbox/{made.reference}/").content.decode())
        for question in Contraindication.objects.filter(slug__in=expected):
            for page in (patient_page, clinic_page):
                assert question.question in page
                assert f"Said yes to {question.slug}" in page
