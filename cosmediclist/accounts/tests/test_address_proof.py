"""An account made with a password alone has not proven its address: it cannot see, take or erase
what others left under that address until the owner follows an emailed link."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import give_patient_data
from cosmediclist.consultations.models import ConsultationRequest, IntakeAnswer
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from tests.personas import client_for, enrol_app, make_user

pytestmark = pytest.mark.django_db

ADDRESS = "pia.patient@example.org"
PASSWORD = "a-long-unusual-passphrase-9"


def _sign_up_with_the_patients_address(patient: User) -> User:
    """The patient's request stays under their address; their account goes, and someone signs up with it."""
    ConsultationRequest.objects.update(user=None)
    patient.delete()
    response = Client().post(
        "/account/sign-up/",
        {"first_name": "Mallory", "email": ADDRESS, "password": PASSWORD, "password_again": PASSWORD},
    )
    assert response.status_code == 302
    return User.objects.get(email=ADDRESS)


def test_a_password_sign_up_neither_exports_nor_erases_what_others_sent_under_the_address(
    patient: User, clinic_staff: User
) -> None:
    data = give_patient_data(patient, clinic_staff)
    newcomer = _sign_up_with_the_patients_address(patient)
    assert newcomer.email_confirmed_at is None
    client = client_for(newcomer)

    sections = json.loads(client.get("/account/export/data.json").content)["sections"]
    assert sections["Consultation requests"]["items"] == []
    assert sections["Questionnaire answers"]["items"] == []
    assert sections["Emails sent to you"]["items"] == []
    page = client.get("/account/export/").content.decode()
    assert "Warfarin" not in page and "not confirmed yet" in page
    assert data.request.reference not in client.get("/account/requests/").content.decode()

    assert client.post("/account/delete/", {"email": ADDRESS})["Location"] == "/account/deleted/"
    request = ConsultationRequest.objects.get(pk=data.request.pk)
    assert request.erased_at is None and request.name == "Pia Patient"
    assert IntakeAnswer.objects.filter(request=request).count() == 3


def test_the_welcome_link_proves_the_address_and_links_what_was_sent_before(
    patient: User, clinic_staff: User
) -> None:
    data = give_patient_data(patient, clinic_staff)
    newcomer = _sign_up_with_the_patients_address(patient)
    [welcome] = OutgoingEmail.objects.filter(template="signup_welcome", to=ADDRESS)
    client = Client()
    assert client.post(welcome.context["confirm_path"]).status_code == 302

    newcomer.refresh_from_db()
    assert newcomer.email_confirmed_at is not None
    # Opened in another browser than the one that signed up: the password chosen there goes.
    assert not newcomer.has_usable_password()
    assert (
        AuditEvent.objects.filter(action="account.address_confirmed", object_id=str(newcomer.pk)).count() == 1
    )
    assert ConsultationRequest.objects.get(pk=data.request.pk).user == newcomer
    sections = json.loads(client.get("/account/export/data.json").content)["sections"]
    assert [item["reference"] for item in sections["Consultation requests"]["items"]] == [
        data.request.reference
    ]
    assert sections["Account"]["items"][0]["address_confirmed_at"]
    assert "not confirmed yet" not in client.get("/account/export/").content.decode()


VICTIM = "vera.victim@example.org"


def _signed_in(client: Client) -> bool:
    return client.get("/account/").status_code == 200


def _sign_in_with_password(password: str) -> Client:
    client = Client()
    client.post("/account/sign-in/", {"email": VICTIM, "password": password})
    return client


def test_a_password_chosen_before_the_address_was_proven_stops_working_when_its_owner_uses_a_link(
    db: None,
) -> None:
    attacker = Client()
    form = {"first_name": "Mallory", "email": VICTIM, "password": PASSWORD, "password_again": PASSWORD}
    assert attacker.post("/account/sign-up/", form).status_code == 302
    attacker.post("/account/sign-in/", {"email": VICTIM, "password": PASSWORD})
    assert _signed_in(attacker)
    account = User.objects.get(email=VICTIM)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    enrol_app(account)  # a second factor the attacker set up would lock the owner out

    victim = Client()
    victim.post("/account/sign-in/link/", {"email": VICTIM})
    [email] = OutgoingEmail.objects.filter(template="sign_in_link", to=VICTIM)
    assert victim.post(email.context["link_path"]).status_code == 302
    assert _signed_in(victim)

    account.refresh_from_db()
    assert account.email_confirmed_at is not None and not account.has_usable_password()
    assert not TOTPDevice.objects.filter(user=account).exists()
    assert not _signed_in(attacker)  # the attacker's session has ended
    assert not _signed_in(_sign_in_with_password(PASSWORD))  # and the password opens nothing
    [removed] = AuditEvent.objects.filter(action="account.unproven_password_removed")
    assert removed.object_id == str(account.pk) and removed.data == {"second_factor_removed": True}
    assert AuditEvent.objects.filter(
        action="account.signed_out_everywhere", object_id=str(account.pk)
    ).exists()

    # The owner chooses a password through the ordinary reset.
    Client().post("/account/password-reset/", {"email": VICTIM})
    [reset] = OutgoingEmail.objects.filter(template="password_reset", to=VICTIM)
    owner = Client()
    path = owner.get(reset.context["reset_path"])["Location"]
    new = "another-long-passphrase-31"
    assert owner.post(path, {"new_password1": new, "new_password2": new}).status_code == 302
    assert _signed_in(_sign_in_with_password(new))


def test_the_welcome_link_opened_in_the_browser_that_signed_up_keeps_its_password(db: None) -> None:
    browser = Client()
    form = {"first_name": "Vera", "email": VICTIM, "password": PASSWORD, "password_again": PASSWORD}
    assert browser.post("/account/sign-up/", form).status_code == 302
    [welcome] = OutgoingEmail.objects.filter(template="signup_welcome", to=VICTIM)
    assert browser.post(welcome.context["confirm_path"]).status_code == 302

    account = User.objects.get(email=VICTIM)
    assert account.email_confirmed_at is not None and account.has_usable_password()
    assert _signed_in(browser)
    assert _signed_in(_sign_in_with_password(PASSWORD))
    assert not AuditEvent.objects.filter(action="account.unproven_password_removed").exists()


def test_a_sign_in_link_opened_where_the_account_is_signed_in_with_its_password_keeps_it(db: None) -> None:
    browser = Client()
    form = {"first_name": "Vera", "email": VICTIM, "password": PASSWORD, "password_again": PASSWORD}
    assert Client().post("/account/sign-up/", form).status_code == 302  # signed up elsewhere
    browser.post("/account/sign-in/", {"email": VICTIM, "password": PASSWORD})
    browser.post("/account/sign-in/link/", {"email": VICTIM})
    [email] = OutgoingEmail.objects.filter(template="sign_in_link", to=VICTIM)
    assert browser.post(email.context["link_path"]).status_code == 302

    account = User.objects.get(email=VICTIM)
    assert account.email_confirmed_at is not None and account.has_usable_password()
    assert _signed_in(_sign_in_with_password(PASSWORD))


def test_a_staff_account_keeps_its_password_when_a_link_first_proves_its_address(db: None) -> None:
    """An administrator vouched for a staff account when granting the role: no stranger's password."""
    staff = make_user(VICTIM, "Vera", "Editor", is_staff=True, email_confirmed_at=None)
    browser = Client()
    browser.post("/account/sign-in/link/", {"email": VICTIM})
    [email] = OutgoingEmail.objects.filter(template="sign_in_link", to=VICTIM)
    assert browser.post(email.context["link_path"]).status_code == 302
    staff.refresh_from_db()
    assert staff.email_confirmed_at is not None and staff.has_usable_password()
    assert not AuditEvent.objects.filter(action="account.unproven_password_removed").exists()
