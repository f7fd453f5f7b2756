"""API: clinics near a point or a place, with distance, and a clinic's profile, for each persona."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.catalog.tests.factories import ConcernFactory, TreatmentConcernFactory, TreatmentFactory
from cosmediclist.directory.tests.factories import (
    LONDON,
    MANCHESTER,
    ClinicFactory,
    OfferFactory,
    PractitionerFactory,
    hours,
    member,
)
from tests.personas import client_for
from tests.site import EMAIL_RE

pytestmark = pytest.mark.django_db


def _clinics(n: int, treatment: object, *, north_step: float = 0.001) -> None:
    for i in range(n):
        clinic = ClinicFactory.create(latitude=MANCHESTER[0] + i * north_step, longitude=MANCHESTER[1])
        offer = OfferFactory.create(clinic=clinic, treatment=treatment, price_from_gbp=100 + i)
        offer.practitioners.add(PractitionerFactory.create(clinic=clinic))


def test_clinics_near_a_point_run_the_same_queries_for_one_or_fifty(
    client: Client, django_assert_num_queries
) -> None:
    meso = TreatmentFactory.create(slug="mesotherapy")
    _clinics(1, meso)
    url = f"/api/v1/clinics?treatment=mesotherapy&lat={MANCHESTER[0]}&lng={MANCHESTER[1]}&limit=50"
    with django_assert_num_queries(5):
        assert client.get(url).json()["count"] == 1
    _clinics(49, meso)
    with django_assert_num_queries(5):
        body = client.get(url).json()
    assert body["count"] == 50 and len(body["items"]) == 50
    distances = [c["distance_km"] for c in body["items"]]
    assert distances == sorted(distances) and distances[0] == 0.0
    assert body["place"]["latitude"] == MANCHESTER[0] and body["radius_km"] == 25.0


def test_distance_is_given_in_kilometres_and_miles_and_the_radius_in_either(client: Client) -> None:
    meso = TreatmentFactory.create(slug="mesotherapy")
    near = ClinicFactory.create(slug="near", latitude=MANCHESTER[0] + 0.09, longitude=MANCHESTER[1])  # ≈10 km
    OfferFactory.create(clinic=near, treatment=meso)
    far = ClinicFactory.create(slug="far", latitude=LONDON[0], longitude=LONDON[1])
    OfferFactory.create(clinic=far, treatment=meso)
    point = f"lat={MANCHESTER[0]}&lng={MANCHESTER[1]}"
    body = client.get(f"/api/v1/clinics?{point}&radius_miles=5").json()
    assert body["items"] == [] and body["radius_miles"] == 5.0 and body["radius_km"] == 8.05
    body = client.get(f"/api/v1/clinics?{point}&radius_miles=7").json()
    [item] = body["items"]
    assert item["slug"] == "near" and 10.0 <= item["distance_km"] <= 10.02
    assert item["distance_miles"] == round(item["distance_km"] / 1.609344, 2)
    assert [c["slug"] for c in client.get(f"/api/v1/clinics?{point}&radius_km=200").json()["items"]] == [
        "near"
    ]
    # Both units given: both apply, like any two filters, so the smaller radius wins.
    assert client.get(f"/api/v1/clinics?{point}&radius_km=200&radius_miles=5").json()["radius_km"] == 8.05
    assert client.get(f"/api/v1/clinics?{point}&radius_km=5&radius_miles=50").json()["radius_km"] == 5.0


def test_a_place_name_works_like_the_search_page_and_an_unknown_one_names_the_field(client: Client) -> None:
    meso = TreatmentFactory.create(slug="mesotherapy")
    OfferFactory.create(clinic=ClinicFactory.create(slug="mcr"), treatment=meso)
    body = client.get("/api/v1/clinics?near=Manchester&treatment=mesotherapy").json()
    assert [c["slug"] for c in body["items"]] == ["mcr"] and body["place"]["name"] == "Manchester"
    response = client.get("/api/v1/clinics?near=Manchestr")
    assert response.status_code == 404
    assert response.json()["field"] == "near" and "Manchester" in response.json()["detail"]
    for query in ("treatment=nothing", "concern=nothing"):
        response = client.get("/api/v1/clinics?" + query)
        assert response.status_code == 404 and response.json()["field"] == query.split("=")[0]


def test_clinics_by_concern_and_without_a_place(client: Client) -> None:
    concern = ConcernFactory.create(slug="stretch-marks")
    helps = TreatmentFactory.create(slug="needling")
    TreatmentConcernFactory.create(concern=concern, treatment=helps)
    OfferFactory.create(clinic=ClinicFactory.create(slug="yes"), treatment=helps)
    OfferFactory.create(
        clinic=ClinicFactory.create(slug="no"), treatment=TreatmentFactory.create(slug="other")
    )
    ClinicFactory.create(slug="unverified", is_verified=False, verified_at=None)
    body = client.get("/api/v1/clinics?concern=stretch-marks").json()
    assert [c["slug"] for c in body["items"]] == ["yes"]
    assert body["place"] is None and body["items"][0]["distance_km"] is None
    assert sorted(c["slug"] for c in client.get("/api/v1/clinics").json()["items"]) == ["no", "yes"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("lat=53.4", "lng"),
        ("lng=-2.2", "lat"),
        ("lat=91&lng=0", "lat"),
        ("lat=0&lng=181", "lng"),
        ("radius_km=0", "radius_km"),
        ("radius_km=201", "radius_km"),
        ("radius_miles=126", "radius_miles"),
        ("price_min=300&price_max=100", "price_max"),
        ("sort=cheapest", "sort"),
        ("near=" + "x" * 101, "near"),
    ],
)
def test_bad_search_input_is_a_422_naming_the_field(client: Client, query: str, field: str) -> None:
    response = client.get("/api/v1/clinics?" + query)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_a_clinic_profile_in_fixed_queries_without_any_email_address(
    client: Client, django_assert_num_queries, clinic_staff: User
) -> None:
    meso = TreatmentFactory.create(slug="mesotherapy", name="Mesotherapy")
    clinic = ClinicFactory.create(slug="wellcare", median_response_hours=5.5)
    member(clinic_staff, clinic)
    hours(clinic, range(6))
    doctor = PractitionerFactory.create(clinic=clinic, name="Dr Amara Ashdown")
    OfferFactory.create(
        clinic=clinic, treatment=meso, price_from_gbp=180, price_to_gbp=220
    ).practitioners.add(doctor)
    client.get("/api/v1/clinics/wellcare")
    with django_assert_num_queries(7):
        body = client.get("/api/v1/clinics/wellcare").json()
    assert body["median_response_hours"] == 5.5
    assert body["offers"][0]["price_label"] == "£180–£220 per session"
    assert body["practitioners"][0]["register_name"] == "GMC"
    assert [h["day"] for h in body["opening_hours"]][-1] == "Saturday"
    assert body["rating_summary"] == {
        "review_count": 0,
        "average": None,
        "bayesian_average": None,
        "distribution": {},
    }
    assert body["consultation_url"] == "http://testserver/clinics/wellcare/consultation/"
    assert EMAIL_RE.findall(client.get("/api/v1/clinics/wellcare").content.decode()) == []


def test_an_unverified_clinic_is_shown_only_to_its_own_staff(
    client: Client, clinic_staff: User, other_clinic_staff: User, patient: User, admin: User
) -> None:
    pending = ClinicFactory.create(slug="pending", is_verified=False, verified_at=None)
    member(clinic_staff, pending)
    member(other_clinic_staff, ClinicFactory.create(slug="elsewhere"))
    assert client.get("/api/v1/clinics/pending").status_code == 404
    assert client_for(patient).get("/api/v1/clinics/pending").status_code == 404
    assert client_for(other_clinic_staff).get("/api/v1/clinics/pending").status_code == 404
    assert client_for(clinic_staff).get("/api/v1/clinics/pending").status_code == 200
    assert client_for(admin).get("/api/v1/clinics/pending").status_code == 200
    # The search lists verified clinics only, whoever asks.
    assert [c["slug"] for c in client_for(clinic_staff).get("/api/v1/clinics").json()["items"]] == [
        "elsewhere"
    ]
    assert client.get("/api/v1/clinics/nothing").status_code == 404
