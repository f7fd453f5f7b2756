"""One sign-in door: Wagtail's and Django admin's sign-in pages lead to /account/sign-in/."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cosmediclist.accounts.models import User
from tests.personas import PASSWORD, code_for, enrol_app

LOGIN = reverse("accounts:login")
OTHER_DOORS = ["/cms/login/", "/django-admin/login/"]


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("door", OTHER_DOORS)
def test_other_sign_in_pages_redirect_to_the_site_sign_in_keeping_next(client: Client, db, door: str) -> None:
    response = client.get(door, {"next": "/cms/pages/"})
    assert response.status_code in (301, 302, 303)
    assert response["Location"] == f"{LOGIN}?next=%2Fcms%2Fpages%2F"


@pytest.mark.parametrize("door", OTHER_DOORS)
@pytest.mark.parametrize("persona", ["reader", "editor", "admin"])
def test_posting_a_password_to_another_door_signs_nobody_in(
    client: Client, door: str, persona: str, request: pytest.FixtureRequest
) -> None:
    user: User = request.getfixturevalue(persona)
    response = client.post(door, {"username": user.email, "email": user.email, "password": PASSWORD})
    assert response.status_code in (301, 302, 303)
    assert response["Location"].startswith(LOGIN)
    assert not signed_in(client)


def test_failures_anywhere_count_against_the_one_throttle(client: Client, editor: User) -> None:
    for door in [*OTHER_DOORS, *OTHER_DOORS, LOGIN]:
        client.post(door, {"username": editor.email, "email": editor.email, "password": "nope-nope-nope"})
    for _ in range(4):
        assert client.post(LOGIN, {"email": editor.email, "password": "nope-nope-nope"}).status_code == 400
    assert client.post(LOGIN, {"email": editor.email, "password": PASSWORD}).status_code == 429
    assert not signed_in(client)


def test_a_reader_signed_in_on_the_site_gets_no_cms(client: Client, reader: User) -> None:
    assert client.post(LOGIN, {"email": reader.email, "password": PASSWORD}).status_code == 302
    response = client.get("/cms/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert not response["Location"].startswith("/cms/")
    assert client.get("/cms/pages/").status_code in (302, 403)
    assert client.get("/django-admin/").status_code == 302


def test_an_editor_signed_in_on_the_site_reaches_the_cms(client: Client, editor: User) -> None:
    app = enrol_app(editor)
    response = client.post(LOGIN, {"email": editor.email, "password": PASSWORD, "next": "/cms/"})
    assert response["Location"] == reverse("accounts:sign-in-code")
    response = client.post(response["Location"], {"code": code_for(app)})
    assert response["Location"] == "/cms/"
    assert client.get("/cms/").status_code == 200
