"""Portal access: staff see and change only their own clinics; everyone else gets 404."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.directory import access
from cosmediclist.directory.models import ClinicPhoto, Offer, Practitioner
from cosmediclist.directory.tests import factories
from cosmediclist.directory.tests.factories import ClinicFactory, member
from tests.personas import client_for


@pytest.fixture
def photo(clinic, clinic_staff) -> ClinicPhoto:
    return factories.photo(clinic, clinic_staff)


def clinic_urls(clinic, photo) -> list[str]:
    """Every portal URL that belongs to the clinic (keep in step with urls.portal_urlpatterns)."""
    base = f"/portal/clinics/{clinic.slug}/"
    practitioner = Practitioner.objects.filter(clinic=clinic).first()
    offer = Offer.objects.filter(clinic=clinic).first()
    assert practitioner is not None
    assert offer is not None
    return [
        base,
        base + "hours/",
        base + "practitioners/",
        base + f"practitioners/{practitioner.pk}/",
        base + f"practitioners/{practitioner.pk}/delete/",
        base + "offers/",
        base + f"offers/{offer.pk}/",
        base + f"offers/{offer.pk}/delete/",
        base + "photos/",
        base + f"photos/{photo.pk}/delete/",
        base + "team/",
    ]


def test_the_list_of_clinic_urls_covers_every_clinic_portal_route() -> None:
    from cosmediclist.directory.urls import portal_urlpatterns

    clinic_routes = [str(p.pattern) for p in portal_urlpatterns if "<slug:slug>" in str(p.pattern)]
    assert len(clinic_routes) == 11


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("index", range(11))
def test_staff_of_another_clinic_get_404_on_every_portal_url(
    clinic, other_clinic, other_clinic_staff, photo, method, index
) -> None:
    url = clinic_urls(clinic, photo)[index]
    response = getattr(client_for(other_clinic_staff), method)(
        url, {"name": "Hijacked", "email": "x@example.org"}
    )
    assert response.status_code == 404
    clinic.refresh_from_db()
    assert clinic.name == "Wellcare Medical Centre"
    assert Practitioner.objects.filter(clinic=clinic).count() == 1
    assert Offer.objects.filter(clinic=clinic).count() == 1
    assert ClinicPhoto.objects.filter(clinic=clinic).count() == 1


@pytest.mark.parametrize("index", [3, 4, 6, 7, 9])
def test_another_clinics_records_through_your_own_clinic_url_are_404(
    clinic, other_clinic, other_clinic_staff, photo, index
) -> None:
    """Staff of the other clinic put their own slug in front of this clinic's record ids."""
    url = clinic_urls(clinic, photo)[index].replace(clinic.slug, other_clinic.slug)
    assert client_for(other_clinic_staff).post(url).status_code == 404


@pytest.mark.parametrize("index", range(11))
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, clinic, photo, index) -> None:
    response = client.get(clinic_urls(clinic, photo)[index])
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")


@pytest.mark.parametrize("index", [0, 1, 2, 3, 5, 6, 8, 10])
def test_own_staff_can_open_every_page(clinic, clinic_staff, photo, index) -> None:
    assert client_for(clinic_staff).get(clinic_urls(clinic, photo)[index]).status_code == 200


def test_delete_urls_refuse_get_for_own_staff(clinic, clinic_staff, photo) -> None:
    for index in (4, 7, 9):
        assert client_for(clinic_staff).get(clinic_urls(clinic, photo)[index]).status_code == 405


def test_portal_home_lists_only_the_users_clinics(clinic, other_clinic, clinic_staff) -> None:
    second = ClinicFactory.create(name="Wellcare Stockport", is_verified=False, verified_at=None)
    member(clinic_staff, second, role="staff")
    page = client_for(clinic_staff).get("/portal/").content.decode()
    assert "Wellcare Medical Centre" in page
    assert "Wellcare Stockport" in page
    assert "Thames Skin Rooms" not in page
    assert [c.name for c in access.clinics_for_staff(clinic_staff)] == [
        "Wellcare Medical Centre",
        "Wellcare Stockport",
    ]


def test_access_functions_raise_404_for_others(clinic, other_clinic_staff) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    for user in (other_clinic_staff, AnonymousUser()):
        with pytest.raises(Http404):
            access.get_clinic_for_staff(user, clinic.slug)
    assert access.clinics_for_staff(AnonymousUser()) == []


def test_verification_pages_are_404_for_non_administrators(clinic, clinic_staff, other_clinic_staff) -> None:
    practitioner = clinic.practitioners.get()
    for user in (clinic_staff, other_clinic_staff):
        client = client_for(user)
        assert client.get("/portal/verification/").status_code == 404
        assert client.post(f"/portal/verification/clinics/{clinic.pk}/").status_code == 404
        assert client.post(f"/portal/verification/practitioners/{practitioner.pk}/").status_code == 404


def test_the_account_page_links_the_portal_for_clinic_staff_only(clinic, clinic_staff, reader) -> None:
    assert "Open the clinic portal" in client_for(clinic_staff).get("/account/").content.decode()
    assert "Open the clinic portal" not in client_for(reader).get("/account/").content.decode()
