"""The inclusion tag that treatment pages and guides use: clinics offering a treatment."""

from __future__ import annotations

from decimal import Decimal

from django.template import Context, Template

from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.directory.tests.factories import LONDON, ClinicFactory, OfferFactory


def render(source: str, **context: object) -> str:
    return Template("{% load directory_tags %}" + source).render(Context(context))


def test_nearest_first_when_the_reader_gave_a_place(db, treatment) -> None:
    london = ClinicFactory.create(name="London Clinic", latitude=LONDON[0], longitude=LONDON[1])
    OfferFactory.create(clinic=london, treatment=treatment)
    here = ClinicFactory.create(name="Manchester Clinic")
    OfferFactory.create(clinic=here, treatment=treatment)
    salford = ClinicFactory.create(name="Salford Clinic", latitude=53.4875, longitude=-2.2901)
    OfferFactory.create(clinic=salford, treatment=treatment)
    html = render(
        "{% clinics_offering treatment near=place limit=5 %}", treatment=treatment, place="Manchester"
    )
    assert "Clinics offering Mesotherapy near Manchester" in html
    assert html.index("Manchester Clinic") < html.index("Salford Clinic")
    assert "London Clinic" not in html  # beyond 60 miles
    assert "miles away" in html


def test_without_a_place_the_best_rated_come_first_and_limit_applies(db, treatment) -> None:
    for n, rating in enumerate(["3.00", "4.90", "4.10"]):
        clinic = ClinicFactory.create(
            name=f"Rated {rating}", rating_average=Decimal(rating), rating_count=n + 1
        )
        OfferFactory.create(clinic=clinic, treatment=treatment)
    other = TreatmentFactory.create()
    OfferFactory.create(clinic=ClinicFactory.create(name="Other Treatment Only"), treatment=other)
    html = render("{% clinics_offering treatment limit=2 %}", treatment=treatment)
    assert html.index("Rated 4.90") < html.index("Rated 4.10")
    assert "Rated 3.00" not in html
    assert "Other Treatment Only" not in html
    assert 'href="/clinics/?treatment=mesotherapy"' in html


def test_an_unknown_place_falls_back_to_every_clinic(db, treatment) -> None:
    OfferFactory.create(clinic=ClinicFactory.create(name="Somewhere Clinic"), treatment=treatment)
    html = render("{% clinics_offering treatment near='Qqqxzzv' %}", treatment=treatment)
    assert "Somewhere Clinic" in html


def test_the_tag_runs_a_fixed_number_of_queries(db, treatment, django_assert_num_queries) -> None:
    for count in (2, 12):
        for _ in range(count):
            OfferFactory.create(clinic=ClinicFactory.create(), treatment=treatment)
        # Candidates, clinics, practitioners, offers.
        with django_assert_num_queries(4):
            render("{% clinics_offering treatment near='Manchester' limit=20 %}", treatment=treatment)
