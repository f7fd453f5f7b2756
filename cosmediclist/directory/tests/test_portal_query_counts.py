"""Every list page of the clinic portal runs the same number of queries with N rows as with 3N."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import (
    ClinicFactory,
    OfferFactory,
    PractitionerFactory,
    member,
    photo,
)
from tests.personas import client_for, make_user

N = 2


def pinned(
    client: Client,
    path: str,
    grow: Callable[[int], None],
    queries: int,
    assert_num_queries: DjangoAssertNumQueries,
) -> None:
    """``path`` runs ``queries`` queries after ``grow(N)`` and again after ``grow(2N)`` more."""
    for count in (N, 2 * N):
        grow(count)
        with assert_num_queries(queries):
            response = client.get(path)
        assert response.status_code == 200


def test_the_portal_home_lists_any_number_of_clinics_in_fixed_queries(
    clinic: Clinic, clinic_staff: User, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    def grow(count: int) -> None:
        for _ in range(count):
            member(clinic_staff, ClinicFactory.create())

    pinned(client_for(clinic_staff), "/portal/", grow, 4, django_assert_num_queries)
    assert Clinic.objects.filter(memberships__user=clinic_staff).count() == 1 + 3 * N


@pytest.mark.parametrize(
    ("page", "queries"),
    [("practitioners", 6), ("offers", 10), ("photos", 6), ("team", 6)],
)
def test_each_list_of_a_clinic_runs_a_fixed_number_of_queries(
    clinic: Clinic,
    clinic_staff: User,
    treatment: Treatment,
    django_assert_num_queries: DjangoAssertNumQueries,
    page: str,
    queries: int,
) -> None:
    made = iter(range(1000))

    def grow(count: int) -> None:
        for _ in range(count):
            n = next(made)
            doctor = PractitionerFactory.create(clinic=clinic)
            OfferFactory.create(clinic=clinic, treatment=TreatmentFactory.create()).practitioners.add(doctor)
            photo(clinic, clinic_staff, name=f"room-{n}.jpg")
            member(make_user(f"team{n}@example.org", "Team", f"Member {n}"), clinic, role="staff")

    pinned(
        client_for(clinic_staff),
        f"/portal/clinics/{clinic.slug}/{page}/",
        grow,
        queries,
        django_assert_num_queries,
    )


def test_the_verification_queue_runs_a_fixed_number_of_queries(
    admin: User, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    def grow(count: int) -> None:
        for _ in range(count):
            waiting = ClinicFactory.create(is_verified=False, verified_at=None)
            PractitionerFactory.create(
                clinic=waiting, is_registration_verified=False, registration_verified_at=None
            )

    pinned(client_for(admin), "/portal/verification/", grow, 5, django_assert_num_queries)
