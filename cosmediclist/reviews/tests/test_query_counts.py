"""Pinned query counts: the clinic page with 200 reviews, the treatment page with 1,000 check-ins, the
portal's reviews page with N and 3N reviews."""

from __future__ import annotations

from typing import Any

from django.test import Client

from cosmediclist.reviews.models import ReviewReply
from cosmediclist.reviews.rating import refresh_clinic_rating
from cosmediclist.reviews.tests import bulk
from tests.personas import client_for


def test_the_clinic_page_with_200_reviews_runs_a_fixed_number_of_queries(
    client: Client, clinic: Any, treatment: Any, django_assert_num_queries: Any
) -> None:
    bulk.approved_reviews(clinic, treatment, [f"Review number {n}" for n in range(200)], prefix="QC")
    refresh_clinic_rating(clinic.pk)
    bulk.check_ins(clinic, treatment, 5, prefix="QK")
    # 6 for the profile (directory), 4 for the reviews: summary, verdict tallies, the page of
    # reviews with their treatment and reply, measured outcomes; and a page count when filtered.
    for query in ("", "?page=3", "?sort=helpful&rating=4&treatment=mesotherapy&page=2", "?page=999"):
        with django_assert_num_queries(11 if "rating" in query else 10):
            response = client.get("/clinics/wellcare-medical-centre-manchester/" + query)
        assert response.status_code == 200
    assert "Page 20 of 20" in response.content.decode()  # an out-of-range page shows the last one
    filtered = client.get(
        "/clinics/wellcare-medical-centre-manchester/?rating=4&sort=helpful&page=4"
    ).content.decode()
    assert filtered.count('class="review card"') == 10  # 40 four-star reviews, 10 a page
    assert "Page 4 of 4" in filtered and "rating=4" in filtered
    first = client.get("/clinics/wellcare-medical-centre-manchester/").content.decode()
    assert first.count('class="review card"') == 10
    assert "200 reviews" in first and "Page 1 of 20" in first
    assert "Mesotherapy: still visible at 3 months" in first


def test_the_treatment_page_with_1000_check_ins_runs_a_fixed_number_of_queries(
    client: Client, clinic: Any, treatment: Any, django_assert_num_queries: Any
) -> None:
    bulk.check_ins(clinic, treatment, 334, prefix="QT")  # 1,002 answered check-ins
    bulk.approved_reviews(clinic, treatment, [f"R {n}" for n in range(30)], prefix="QR")
    refresh_clinic_rating(clinic.pk)
    # 8 for the treatment (its guides included), 4 for the clinics that offer it, 2 for the worth-it share and the measured figure.
    with django_assert_num_queries(14):
        response = client.get("/treatments/mesotherapy/?near=Manchester")
    html = response.content.decode()
    assert "still visible at 6 months: <strong>67%</strong> of 334 patients" in html
    assert "100%</strong> of 30 verified patients" in html


def test_the_portal_reviews_page_runs_a_fixed_number_of_queries(
    clinic: Any, treatment: Any, clinic_staff: Any, django_assert_num_queries: Any
) -> None:
    staff = client_for(clinic_staff)
    for count, prefix in ((2, "PA"), (4, "PB")):
        reviews = bulk.approved_reviews(
            clinic, treatment, [f"Review {n}" for n in range(count)], prefix=prefix
        )
        ReviewReply.objects.create(review=reviews[0], body="Thank you for coming to see us.")
        # the session, the user, the portal navigation's counts, the page of reviews with their replies
        with django_assert_num_queries(4):
            html = staff.get("/portal/reviews/").content.decode()
    assert html.count("Thank you for coming to see us.") == 2
    assert all(f"Review {n}" in html for n in range(4))
