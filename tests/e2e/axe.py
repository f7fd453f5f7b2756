"""Accessibility in the browser: every WCAG 2.x A/AA violation axe finds on a page."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Every WCAG 2.x A/AA violation axe finds on the page, with the nodes it flags."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in results.response["violations"]
    ]


def checked_html(page: Page) -> str:
    """The page's HTML once axe finds nothing on it: gather the pages' HTML for one run of
    ``tests.site.nu_html_errors`` at the end of the journey (Java starts once)."""
    violations = axe_violations(page)
    assert violations == [], violations
    return page.content()
