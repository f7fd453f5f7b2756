"""Journey 1, first half: a reader opens the mesotherapy article, reads the facts, shares it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from cosmediclist.editorial import services
from cosmediclist.editorial.tests import factories
from tests.e2e.conftest import axe_violations


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "permissions": ["clipboard-read", "clipboard-write"]}


@pytest.mark.django_db(transaction=True)
def test_reader_reads_the_mesotherapy_article_and_shares_it(page: Page, live_server, settings) -> None:
    factories.wagtail_roots()
    guides = services.set_up_editorial()
    factories.article(
        guides,
        slug="what-is-mesotherapy",
        title="What is mesotherapy and how does it work?",
        guide_for=factories.treatment(),
        tags=["skin", "injectables"],
    )
    canonical = f"{settings.SITE_URL}/guides/what-is-mesotherapy/"

    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides").click()
    page.get_by_role("link", name="What is mesotherapy and how does it work?").click()
    expect(page).to_have_url(live_server.url + "/guides/what-is-mesotherapy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What is mesotherapy and how does it work?")

    glance = page.get_by_role("complementary", name="Mesotherapy at a glance")
    expect(glance).to_contain_text("3–4 sessions")
    expect(glance).to_contain_text("4–6 months")
    expect(page.get_by_role("heading", name="What it may do")).to_be_visible()  # the benefits call-out
    expect(page.get_by_text("Medically reviewed by")).to_be_visible()

    share = page.get_by_role("region", name="Share this guide")
    whatsapp = share.get_by_role("link", name="Share on WhatsApp")
    assert whatsapp.get_attribute("href", timeout=2000).startswith("https://wa.me/?text=")  # type: ignore[union-attr]
    for name in ("Share by email", "Share on X", "Share on Facebook", "Share on LinkedIn", "Share on Reddit"):
        expect(share.get_by_role("link", name=name)).to_be_visible()

    share.get_by_role("button", name="Copy link").click()
    expect(page.locator("#share-status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == canonical

    assert axe_violations(page) == []
