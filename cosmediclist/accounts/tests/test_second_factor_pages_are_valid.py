"""The second-factor pages are valid HTML (Nu HTML Checker), with one h1 each, in every state."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cosmediclist.accounts.models import User
from cosmediclist.accounts.second_factor import renew_recovery_codes
from tests.personas import PASSWORD, code_for, enrol_app, password_only
from tests.site import nu_html_errors, parse

pytestmark = pytest.mark.django_db


def test_second_factor_pages_pass_the_nu_html_checker(editor: User, admin: User, tmp_path: Path) -> None:
    setting_up = Client()
    password_only(setting_up, editor)
    pages = {"setup": setting_up.get("/account/two-factor/?next=/cms/")}
    pages["setup-error"] = setting_up.post("/account/two-factor/", {"code": "not a code"})
    device = TOTPDevice.objects.get(user=editor)
    pages["recovery-codes"] = setting_up.post("/account/two-factor/", {"code": code_for(device)})
    pages["status"] = setting_up.get("/account/two-factor/")
    pages["profile"] = setting_up.get("/account/")

    enrol_app(admin)
    renew_recovery_codes(user=admin)
    signing_in = Client()
    signing_in.post("/account/sign-in/", {"email": admin.email, "password": PASSWORD})
    pages["code"] = signing_in.get("/account/sign-in/code/")
    pages["code-error"] = signing_in.post("/account/sign-in/code/", {"code": "nope"})

    for name, response in pages.items():
        assert response.status_code in (200, 400), name
        assert parse(response.content.decode()).h1_count == 1, name
    errors = nu_html_errors({name: response.content for name, response in pages.items()}, tmp_path)
    assert errors == []
