"""The look of clinics and practitioners without photos (monograms), ratings as stars, time zones in words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from cosmediclist.consultations.templatetags.consultation_tags import zone_label
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.templatetags.directory_tags import monogram, monogram_colour, stars


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Dr Amara Ashdown", "AA"),
        ("The Skin & Laser Rooms", "SL"),
        ("Wellcare Medical Centre", "WM"),
        ("Jean-Luc", "JL"),
        ("", "?"),
    ],
)
def test_a_monogram_is_two_initials_without_titles_or_small_words(name: str, initials: str) -> None:
    assert monogram(name) == initials


@pytest.mark.parametrize(
    ("average", "shown"),
    [
        (None, ""),
        (Decimal("1.00"), "★☆☆☆☆"),
        (Decimal("2.50"), "★★★☆☆"),
        (Decimal("3.49"), "★★★☆☆"),
        (Decimal("3.50"), "★★★★☆"),
        (Decimal("4.50"), "★★★★★"),
        (Decimal("5.00"), "★★★★★"),
    ],
)
def test_a_rating_is_shown_as_stars_rounded_half_up(average: Decimal | None, shown: str) -> None:
    assert stars(average) == shown


def test_time_zones_are_said_in_words() -> None:
    assert zone_label("Europe/London") == "UK time"
    assert zone_label("Europe/Paris") == "Paris time (Europe/Paris)"


def test_clinic_cards_and_pages_show_monograms_and_stars_once_rated(client: Client, clinic: Clinic) -> None:
    colour = monogram_colour(clinic.pk)
    card = client.get("/clinics/", {"near": "Manchester"}).content.decode()
    assert f'clinic-card__monogram {colour}" aria-hidden="true">WM</span>' in card
    assert 'class="stars"' not in card  # no reviews yet: no stars, no rating
    Clinic.objects.filter(pk=clinic.pk).update(rating_average=Decimal("3.60"), rating_count=8)
    card = client.get("/clinics/", {"near": "Manchester", "sort": "rating"}).content.decode()
    assert '<span class="stars" aria-hidden="true">★★★★☆</span> Rated 3.6 out of 5 (8 reviews)' in card
    page = client.get(clinic.get_absolute_url()).content.decode()
    assert '<span class="stars" aria-hidden="true">★★★★☆</span> Rated 3.6 out of 5' in page
    assert f'{colour}" aria-hidden="true">WM</span>' in page  # the clinic has no photo
    assert "practitioner__monogram" in page and '" aria-hidden="true">AA</span>' in page  # Dr Amara Ashdown
