"""Sign in with a one-time email link: same answer for any address, single use, expiring."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import give_patient_data
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def _link_for(address: str) -> str:
    email = OutgoingEmail.objects.get(template="sign_in_link", to=address)
    path = str(email.context["link_path"])
    assert re.fullmatch(r"/account/sign-in/link/[\w-]+/", path)
    return path


def test_the_answer_is_the_same_for_known_and_unknown_addresses(patient: User) -> None:
    client = Client()
    known = client.post("/account/sign-in/link/", {"email": patient.email})
    unknown = client.post("/account/sign-in/link/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert OutgoingEmail.objects.filter(template="sign_in_link").count() == 1
    assert not OutgoingEmail.objects.filter(to="nobody@example.org").exists()


def test_a_link_signs_in_once(patient: User) -> None:
    Client().post("/account/sign-in/link/", {"email": patient.email})
    path = _link_for(patient.email)
    client = Client()
    assert client.get(path).status_code == 200  # a mail scanner opening it spends nothing
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == "/account/requests/"
    assert client.get("/account/requests/").status_code == 200
    again = Client().post(path)
    assert again.status_code == 400
    assert "expired or has already been used" in again.content.decode()


def test_a_link_expires(patient: User) -> None:
    Client().post("/account/sign-in/link/", {"email": patient.email})
    path = _link_for(patient.email)
    with time_machine.travel(timezone.now() + timedelta(minutes=21)):
        response = Client().post(path)
    assert response.status_code == 400
    assert "_auth_user_id" not in Client().session


def test_a_forged_link_gets_a_clear_message(db: None) -> None:
    response = Client().get("/account/sign-in/link/forged-token/")
    assert response.status_code == 400
    assert "Ask for a new one" in response.content.decode()


def test_a_link_to_a_request_address_creates_the_account_and_links_earlier_data(
    patient: User, clinic_staff: User
) -> None:
    data = give_patient_data(patient, clinic_staff)
    ConsultationRequest.objects.filter(pk=data.request.pk).update(user=None, email="new.person@example.org")
    Client().post("/account/sign-in/link/", {"email": "New.Person@example.org"})
    client = Client()
    client.post(_link_for("new.person@example.org"))
    user = User.objects.get(email="new.person@example.org")
    assert not user.has_usable_password()
    assert ConsultationRequest.objects.get(pk=data.request.pk).user == user
    assert data.request.reference in client.get("/account/requests/").content.decode()
