"""One canonical origin: SITE_URL is required, strict, and Wagtail's Site follows it."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from wagtail.models import Site

from cosmediclist.core import origin

ROOT = Path(__file__).resolve().parents[3]


def settings_error(**env: str) -> str:
    """Import the settings in a fresh interpreter with ``env``; return what it printed on failure."""
    base = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-c", "import cosmediclist.settings as s; print(s.SITE_URL)"],
        env={**base, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stderr if result.returncode else "OK " + result.stdout.strip()


def test_site_url_is_required_when_debug_is_off() -> None:
    assert "SITE_URL is required when DEBUG is off" in settings_error(DEBUG="false")


@pytest.mark.parametrize(
    "value", ["127.0.0.1:8000", "ftp://example.org", "https://example.org/cml", "https://"]
)
def test_a_site_url_that_is_not_an_origin_is_refused(value: str) -> None:
    assert "ImproperlyConfigured" in settings_error(DEBUG="false", SITE_URL=value)


def test_a_trailing_slash_is_dropped_and_debug_has_a_local_default() -> None:
    assert settings_error(DEBUG="false", SITE_URL="https://Example.org/") == "OK https://example.org"
    assert settings_error(DEBUG="true") == "OK http://127.0.0.1:8000"


def test_migrate_puts_the_wagtail_site_on_site_url(db: None, settings: Any) -> None:
    settings.SITE_URL = "https://cosmediclist.example:8443"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("cosmediclist.example", 8443)


def test_load_demo_data_puts_the_wagtail_site_on_site_url(db: None, settings: Any) -> None:
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")


def test_the_start_up_check_reports_a_site_out_of_step(db: None, settings: Any) -> None:
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.SITE_URL = "https://www.cosmediclist.example"
    errors = [m for m in run_checks() if m.id == "core.E001"]
    assert (
        len(errors) == 1
        and "localhost:80" in errors[0].msg
        and "www.cosmediclist.example:443" in errors[0].msg
    )
    origin.sync_wagtail_site()
    assert [m for m in run_checks() if m.id == "core.E001"] == []


def test_absolute_builds_on_site_url(settings: Any) -> None:
    settings.SITE_URL = "https://www.cosmediclist.example"
    assert origin.absolute("/guides/") == "https://www.cosmediclist.example/guides/"
    assert origin.absolute("https://doi.org/x") == "https://doi.org/x"
