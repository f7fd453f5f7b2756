"""Build the demo site by calling the apps' services (never a JSON dump)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import import_string

from cosmediclist.core import origin


def _offered(name: str) -> list[Any]:
    """What each loader's module offers under ``name``: ``LOGINS`` (role, email and password) or
    ``LOGIN_NOTES`` (lines printed under them)."""
    modules = [import_module(path.rsplit(".", 1)[0]) for path in settings.DEMO_LOADERS]
    return [item for module in modules for item in getattr(module, name, ())]


class Command(BaseCommand):
    help = "Load the demo data: accounts, catalogue, guides, clinics. Safe to run twice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has users."
        )
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args: Any, if_empty: bool, quiet_logins: bool, **options: Any) -> None:
        if if_empty and get_user_model().objects.exists():
            self.stdout.write("The database already has data: demo data not loaded.")
        else:
            for path in settings.DEMO_LOADERS:
                self.stdout.write(f"Loading {path.split('.')[1]} …")
                import_string(path)()
        # The demo's pages are served from SITE_URL: Wagtail's Site must say the same host and port.
        origin.sync_wagtail_site()
        if not quiet_logins:
            self.stdout.write(self.style.SUCCESS("Demo logins (local demo only):"))
            for login in _offered("LOGINS"):
                self.stdout.write(f"  {login.role:<17} {login.email:<34} {login.password}")
            for note in _offered("LOGIN_NOTES"):
                self.stdout.write(note)
