"""Site invariant in a real browser: every kind of public page passes axe (WCAG 2.x A/AA).

The crawler finds every public page linked from home with the whole demo loaded; one page of
each URL shape (``/treatments/<slug>/``, ``/clinics/<slug>/``…) is opened in Chromium, in its
desktop layout and in a phone-sized window, and axe must report no violation.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Page, ViewportSize

from cosmediclist.editorial.tests.factories import wagtail_roots
from tests.e2e.axe import axe_violations
from tests.site import crawl

PHONE: ViewportSize = {"width": 390, "height": 844}


def shape(path: str) -> str:
    """The URL pattern a path belongs to: ``/clinics/a/consultation/`` → ``/clinics/*/consultation``.

    The first segment names the section; the segments after it are slugs or ids, except a
    last segment of three or more, which names the page (``consultation``).
    """
    parts = [p for p in path.split("/") if p]
    for index in range(1, len(parts)):
        if not (index == len(parts) - 1 and len(parts) >= 3):
            parts[index] = "*"
    return "/" + "/".join(parts)


def one_page_per_shape(paths: list[str]) -> list[str]:
    chosen: dict[str, str] = {}
    for path in sorted(paths):
        chosen.setdefault(shape(path), path)
    return sorted(chosen.values())


def test_shape_groups_pages_of_one_kind() -> None:
    paths = [
        "/treatments/b/",
        "/treatments/a/",
        "/",
        "/treatments/",
        "/clinics/b/consultation/",
        "/clinics/a/consultation/",
    ]
    assert one_page_per_shape(paths) == ["/", "/clinics/a/consultation/", "/treatments/", "/treatments/a/"]


@pytest.mark.django_db(transaction=True)
def test_every_kind_of_public_page_passes_axe_on_desktop_and_phone(page: Page, live_server) -> None:
    wagtail_roots()
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    pages = crawl(Client())
    paths = one_page_per_shape([p for p, html in pages.items() if not html.startswith("STATUS")])
    assert len(paths) >= 15, paths
    failures: dict[str, object] = {}
    for viewport in (None, PHONE):
        if viewport:
            page.set_viewport_size(viewport)
        for path in paths:
            page.goto(live_server.url + path)
            found = axe_violations(page)
            if found:
                failures[f"{path} @ {'phone' if viewport else 'desktop'}"] = found
    assert failures == {}
