"""Staff sign in with a second factor (authenticator app or recovery code), and reach the portal,
the CMS and the admin only after it; readers are never asked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cosmediclist.accounts import second_factor
from cosmediclist.accounts.models import User
from cosmediclist.core.models import AuditEvent
from cosmediclist.directory.tests.factories import ClinicFactory, member
from tests.personas import PASSWORD, code_for, enrol_app, password_only

LOGIN = reverse("accounts:login")
CODE = reverse("accounts:sign-in-code")
ENROL = reverse("accounts:two-factor")


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def actions(user: User) -> list[str]:
    return list(AuditEvent.objects.filter(actor=user).order_by("pk").values_list("action", flat=True))


@pytest.fixture
def staff_member(clinic_staff: User) -> User:
    member(clinic_staff, ClinicFactory.create())
    return clinic_staff


def test_a_staff_member_enrols_an_app_and_sees_recovery_codes_once(client: Client, editor: User) -> None:
    password_only(client, editor)
    response = client.get("/cms/")
    assert response["Location"] == f"{ENROL}?next=%2Fcms%2F"

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "<svg" in html and second_factor.secret_text(device) in html
    assert page["Cache-Control"] == "private, no-store"

    done = client.post(ENROL, {"code": code_for(device), "next": "/cms/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert "account.second_factor_enrolled" in actions(editor)
    assert client.get("/cms/").status_code == 200
    # Shown once: the page now tells the state, never the codes or the secret.
    html = client.get(ENROL).content.decode()
    assert "10 unused recovery codes" in html
    assert not any(code in html for code in codes) and second_factor.secret_text(device) not in html


def test_a_wrong_code_at_enrolment_keeps_the_same_secret_and_says_so(client: Client, editor: User) -> None:
    password_only(client, editor)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(ENROL, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "That code is not right" in html and "error-summary" in html
    assert TOTPDevice.objects.get(user=editor).key == device.key
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_staff_sign_in_asks_the_code_after_the_password(client: Client, editor: User) -> None:
    app = enrol_app(editor)
    response = client.post(LOGIN, {"email": editor.email, "password": PASSWORD, "next": "/cms/"})
    assert response["Location"] == CODE
    assert not signed_in(client)  # the password alone signs nobody in
    assert client.get("/cms/")["Location"].startswith(LOGIN)
    key_before = client.session.session_key

    response = client.post(CODE, {"code": code_for(app)})
    assert response["Location"] == "/cms/"
    assert signed_in(client)
    assert client.session.session_key != key_before  # the session key changes at sign-in
    assert client.get("/cms/").status_code == 200
    assert actions(editor)[-1] == "account.second_factor_passed"


def test_a_wrong_code_gets_a_message_and_signs_nobody_in(
    client: Client, editor: User, time_machine: Any
) -> None:
    # Frozen: the throttle window must not pass by itself while the machine is busy.
    time_machine.move_to(timezone.now(), tick=False)
    app = enrol_app(editor)
    client.post(LOGIN, {"email": editor.email, "password": PASSWORD})
    right = code_for(app)
    response = client.post(CODE, {"code": "12345" if right != "12345" else "54321"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "That code is not right" in html
    assert html.count("That code is not right") == 2  # next to the field and in the error summary
    assert not signed_in(client)
    assert "account.second_factor_failed" in actions(editor)

    # A second try straight away is held back (django-otp's growing delay), with a clear message.
    response = client.post(CODE, {"code": right})
    assert response.status_code == 400 and "Too many wrong codes in a row" in response.content.decode()
    time_machine.shift(timedelta(seconds=2))
    response = client.post(CODE, {"code": code_for(app)})
    assert response.status_code == 302 and signed_in(client)


def test_a_recovery_code_signs_in_once(client: Client, editor: User) -> None:
    enrol_app(editor)
    codes = second_factor.renew_recovery_codes(user=editor)
    client.post(LOGIN, {"email": editor.email, "password": PASSWORD})
    response = client.post(CODE, {"code": codes[0].upper()}, follow=True)
    assert signed_in(client)
    assert "9 left" in response.content.decode()
    assert second_factor.recovery_codes_left(editor) == 9

    client.post(reverse("accounts:logout"))
    client.post(LOGIN, {"email": editor.email, "password": PASSWORD})
    assert client.post(CODE, {"code": codes[0]}).status_code == 400
    assert not signed_in(client)


def test_new_recovery_codes_replace_the_old_ones(client: Client, editor: User) -> None:
    enrol_app(editor)
    old = second_factor.renew_recovery_codes(user=editor)
    client.force_login(editor)
    response = client.post(reverse("accounts:new-recovery-codes"))
    new = response.context["codes"]
    assert set(new).isdisjoint(old) and second_factor.recovery_codes_left(editor) == 10
    assert StaticDevice.objects.filter(user=editor).count() == 1
    assert "account.recovery_codes_renewed" in actions(editor)


@pytest.mark.parametrize("path", ["/portal/", "/portal/inbox/", "/cms/", "/cms/pages/", "/django-admin/"])
def test_staff_without_a_second_factor_reach_no_private_area(client: Client, admin: User, path: str) -> None:
    password_only(client, admin)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith(f"{ENROL}?next=")

    enrol_app(admin)  # with an app but a session that has not used it: the code page
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith(f"{CODE}?next=")


def test_clinic_staff_are_sent_to_enrol_before_the_inbox(client: Client, staff_member: User) -> None:
    response = client.post(
        LOGIN, {"email": staff_member.email, "password": PASSWORD, "next": "/portal/inbox/"}
    )
    assert response["Location"] == f"{ENROL}?next=%2Fportal%2Finbox%2F"
    assert client.get("/portal/inbox/")["Location"] == f"{ENROL}?next=%2Fportal%2Finbox%2F"
    assert client.get(ENROL).status_code == 200
    device = TOTPDevice.objects.get(user=staff_member)
    client.post(ENROL, {"code": code_for(device)})
    assert client.get("/portal/inbox/").status_code == 200


def test_readers_are_never_asked_for_a_second_factor(client: Client, reader: User) -> None:
    response = client.post(LOGIN, {"email": reader.email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:profile")
    assert client.get(reverse("myaccount:requests")).status_code == 200
    assert not client.get("/portal/").get("Location", "").startswith((ENROL, CODE))


def test_a_staff_sign_in_link_also_asks_the_code(client: Client, editor: User) -> None:
    from cosmediclist.accounts.links import _hash
    from cosmediclist.accounts.models import SignInLink

    app = enrol_app(editor)
    SignInLink.objects.create(email=editor.email, token_hash=_hash("a-link-token"))
    response = client.post(reverse("myaccount:link-sign-in", args=["a-link-token"]))
    assert response["Location"] == CODE and not signed_in(client)
    assert client.post(CODE, {"code": code_for(app)})["Location"] == reverse("myaccount:requests")
    assert signed_in(client)


def test_the_code_step_expires_with_the_password(client: Client, editor: User, time_machine: Any) -> None:
    time_machine.move_to(timezone.now())
    app = enrol_app(editor)
    client.post(LOGIN, {"email": editor.email, "password": PASSWORD})
    time_machine.shift(timedelta(minutes=6))
    response = client.post(CODE, {"code": code_for(app)})
    assert response["Location"] == LOGIN and not signed_in(client)


def test_a_staff_session_ends_after_thirty_idle_minutes(
    client: Client, editor: User, time_machine: Any
) -> None:
    time_machine.move_to(timezone.now())
    profile = reverse("accounts:profile")
    client.force_login(editor)
    for _ in range(3):  # activity keeps it alive well past thirty minutes in all
        time_machine.shift(timedelta(minutes=29))
        assert client.get(profile).status_code == 200
    time_machine.shift(timedelta(minutes=31))
    response = client.get(profile, follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert "account.session_expired" in actions(editor)


def test_a_reader_session_outlives_a_staff_idle_limit(
    client: Client, reader: User, time_machine: Any
) -> None:
    time_machine.move_to(timezone.now())
    client.force_login(reader)
    time_machine.shift(timedelta(hours=5))
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_sign_out_everywhere_ends_every_session(editor: User) -> None:
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(editor)
    assert second.get("/cms/").status_code == 200
    response = first.post(reverse("accounts:sign-out-everywhere"), follow=True)
    assert "signed out on every device" in response.content.decode()
    assert second.get("/cms/")["Location"].startswith(LOGIN)
    assert second.get(reverse("accounts:profile"))["Location"].startswith(LOGIN)
    assert not signed_in(first)
    assert "account.signed_out_everywhere" in actions(editor)
    # Signing in again works as before.
    third = Client()
    third.force_login(User.objects.get(pk=editor.pk))
    assert third.get("/cms/").status_code == 200


def test_an_administrator_removing_a_lost_app_ends_its_sessions(admin: User, editor: User) -> None:
    app = enrol_app(editor)
    signed_in_editor = Client()
    signed_in_editor.force_login(editor)
    assert signed_in_editor.get("/cms/").status_code == 200
    administrator = Client()
    administrator.force_login(admin)
    change_page = administrator.get(f"/django-admin/otp_totp/totpdevice/{app.pk}/change/")
    assert change_page.status_code == 200 and app.key not in change_page.content.decode()  # never shown
    response = administrator.post(f"/django-admin/otp_totp/totpdevice/{app.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(pk=app.pk).exists()
    assert signed_in_editor.get("/cms/")["Location"].startswith(LOGIN)
    assert AuditEvent.objects.filter(actor=admin, action="admin.deleted").exists()
    # At the next sign-in the editor is asked to set up a new app.
    again = Client()
    response = again.post(LOGIN, {"email": editor.email, "password": PASSWORD, "next": "/cms/"})
    assert response["Location"] == f"{ENROL}?next=%2Fcms%2F"


def test_after_sign_out_the_old_cookie_reaches_no_private_page(reader: User, editor: User) -> None:
    for user, private in ((reader, reverse("myaccount:export")), (editor, "/cms/")):
        client = Client()
        client.force_login(user)
        old_cookie = client.cookies["sessionid"].value
        assert client.get(private).status_code == 200
        client.post(reverse("accounts:logout"))
        replay = Client()
        replay.cookies["sessionid"] = old_cookie
        for path in (private, reverse("accounts:profile"), reverse("myaccount:requests")):
            assert replay.get(path)["Location"].startswith(LOGIN), path


def test_the_export_tells_of_the_app_but_never_its_secret_and_erasure_removes_it(editor: User) -> None:
    from cosmediclist.accounts import privacy

    app = enrol_app(editor)
    codes = second_factor.renew_recovery_codes(user=editor)
    person = privacy.person_for(editor)
    text = str(privacy.export_person(person))
    assert "Two-step sign-in" in text and "'codes_left': 10" in text
    assert app.key not in text and second_factor.secret_text(app) not in text
    assert not any(code in text for code in codes)
    privacy.erase_person(person=person)
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
