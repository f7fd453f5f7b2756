from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

from cosmediclist.accounts.demo import DEMO_TOTP_SECRET, EDITOR, LOGINS
from cosmediclist.accounts.models import User
from cosmediclist.accounts.second_factor import app_device, has_second_factor
from tests.personas import code_for


def test_demo_logins_printed_are_the_accounts_the_loaders_made(db: None, settings: Any) -> None:
    settings.DEMO_LOADERS = ["cosmediclist.accounts.demo.load"]
    out = StringIO()
    call_command("load_demo_data", if_empty=True, stdout=out)
    printed = out.getvalue()
    for login in LOGINS:
        assert login.email in printed and login.password in printed
        assert User.objects.get(email=login.email).check_password(login.password)
        assert has_second_factor(User.objects.get(email=login.email)) == login.has_second_factor
    assert DEMO_TOTP_SECRET in printed


def test_demo_codes_are_the_codes_the_demo_staff_apps_show(db: None, settings: Any) -> None:
    settings.DEMO_LOADERS = ["cosmediclist.accounts.demo.load"]
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    out = StringIO()
    call_command("demo_sign_in_codes", stdout=out)
    editor = User.objects.get(email=EDITOR.email)
    printed = out.getvalue()
    assert f"{EDITOR.email}" in printed and code_for(app_device(editor)) in printed
    assert "patient@" not in printed


def test_a_database_with_users_is_left_alone_when_asked(db: None, settings: Any) -> None:
    settings.DEMO_LOADERS = ["cosmediclist.accounts.demo.load"]
    User.objects.create_user("someone@example.org", "correct-horse-battery-42")
    out = StringIO()
    call_command("load_demo_data", if_empty=True, quiet_logins=True, stdout=out)
    assert "not loaded" in out.getvalue()
    assert not User.objects.filter(email=EDITOR.email).exists()
