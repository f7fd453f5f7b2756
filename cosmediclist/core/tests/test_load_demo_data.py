from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

from cosmediclist.accounts.demo import EDITOR, LOGINS
from cosmediclist.accounts.models import User


def test_demo_logins_printed_are_the_accounts_the_loaders_made(db: None, settings: Any) -> None:
    settings.DEMO_LOADERS = ["cosmediclist.accounts.demo.load"]
    out = StringIO()
    call_command("load_demo_data", if_empty=True, stdout=out)
    printed = out.getvalue()
    for login in LOGINS:
        assert login.email in printed and login.password in printed
        assert User.objects.get(email=login.email).check_password(login.password)


def test_a_database_with_users_is_left_alone_when_asked(db: None, settings: Any) -> None:
    settings.DEMO_LOADERS = ["cosmediclist.accounts.demo.load"]
    User.objects.create_user("someone@example.org", "correct-horse-battery-42")
    out = StringIO()
    call_command("load_demo_data", if_empty=True, quiet_logins=True, stdout=out)
    assert "not loaded" in out.getvalue()
    assert not User.objects.filter(email=EDITOR.email).exists()
