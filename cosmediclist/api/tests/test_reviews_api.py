"""API: published reviews of a clinic and of a treatment, never a held one, never an address."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.api.tests.helpers import published_review as _review
from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.directory.tests.factories import ClinicFactory
from cosmediclist.reviews.models import ReviewReply, ReviewStatus
from tests.personas import client_for
from tests.site import EMAIL_RE

pytestmark = pytest.mark.django_db


def test_a_clinics_reviews_run_the_same_queries_for_one_or_fifty(
    client: Client, django_assert_num_queries
) -> None:
    clinic, meso = ClinicFactory.create(slug="wellcare"), TreatmentFactory.create(slug="mesotherapy")
    first = _review(clinic, meso, rating=5)
    ReviewReply.objects.create(review=first, body="Thank you for coming to see us.")
    with django_assert_num_queries(3):
        body = client.get("/api/v1/clinics/wellcare/reviews").json()
    assert body["items"][0]["reply"]["body"] == "Thank you for coming to see us."
    assert body["items"][0]["treated_in"] == "2026-03" and body["items"][0]["author_name"] == "Pia 1."
    for _ in range(49):
        _review(clinic, meso)
    with django_assert_num_queries(3):
        body = client.get("/api/v1/clinics/wellcare/reviews?limit=50").json()
    assert body["count"] == 50 and len(body["items"]) == 50
    assert client.get("/api/v1/clinics/wellcare/reviews?rating=5").json()["count"] == 1


def test_held_rejected_and_other_clinics_reviews_are_left_out_for_everyone(
    client: Client, clinic_staff: User, editor: User
) -> None:
    clinic, meso = ClinicFactory.create(slug="wellcare"), TreatmentFactory.create(slug="mesotherapy")
    shown = _review(clinic, meso, display_name="")
    _review(clinic, meso, status=ReviewStatus.PENDING, published_at=None)
    _review(
        clinic,
        meso,
        status=ReviewStatus.REJECTED,
        rejection_reason="Not about the clinic.",
        published_at=None,
    )
    _review(ClinicFactory.create(slug="other"), meso)
    for who in (client, client_for(clinic_staff), client_for(editor)):
        body = who.get("/api/v1/clinics/wellcare/reviews").json()
        assert [r["id"] for r in body["items"]] == [shown.pk]
        assert body["items"][0]["author_name"] == "Anonymous patient"
    text = client.get("/api/v1/clinics/wellcare/reviews").content.decode()
    assert EMAIL_RE.findall(text) == [] and "Patient " not in text


def test_a_treatments_reviews_span_verified_clinics(client: Client, django_assert_num_queries) -> None:
    meso = TreatmentFactory.create(slug="mesotherapy")
    _review(ClinicFactory.create(slug="a"), meso)
    _review(ClinicFactory.create(slug="b"), meso, helpful_count=3)
    _review(ClinicFactory.create(slug="c"), TreatmentFactory.create(slug="other"))
    with django_assert_num_queries(3):
        body = client.get("/api/v1/treatments/mesotherapy/reviews?sort=helpful").json()
    assert [r["clinic"] for r in body["items"]] == ["b", "a"]


def test_unknown_clinic_or_treatment_is_a_404_and_a_bad_filter_a_422(client: Client) -> None:
    ClinicFactory.create(slug="pending", is_verified=False, verified_at=None)
    assert client.get("/api/v1/clinics/pending/reviews").status_code == 404
    assert client.get("/api/v1/clinics/nothing/reviews").status_code == 404
    assert client.get("/api/v1/treatments/nothing/reviews").status_code == 404
    ClinicFactory.create(slug="wellcare")
    response = client.get("/api/v1/clinics/wellcare/reviews?rating=6")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "rating"


def test_a_parameter_given_twice_is_refused_not_guessed(client: Client) -> None:
    """Schemathesis found `?offset=false&offset=0.0` answered 200: the last value won silently."""
    ClinicFactory.create(slug="wellcare")
    response = client.get("/api/v1/clinics/wellcare/reviews?offset=false&offset=0.0&limit=1")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "offset", "message": "Give this parameter once."}]


def test_a_nul_in_a_filter_is_no_server_error(client: Client) -> None:
    """Schemathesis (PostgreSQL, seed 1694995001) sent a treatment slug holding a NUL: a 500 there."""
    ClinicFactory.create(slug="wellcare")
    response = client.get(
        "/api/v1/clinics/wellcare/reviews?offset=58916371792&limit=6490&treatment=Z%00j&sort=newest"
    )
    assert response.status_code == 200 and response.json()["items"] == []
