"""The site shell in a real browser: home page, sign-in as the editor, accessibility."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import axe_violations
from tests.personas import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_reader_opens_home_and_editor_signs_in(page: Page, live_server, editor) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Your one stop shop for cosmetic enhancement")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill("edna.editor@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".account-name")).to_have_text("Edna Editor")
    assert axe_violations(page) == []
    assert errors == []


@pytest.mark.django_db(transaction=True)
def test_sign_in_form_errors_are_accessible_in_the_browser(page: Page, live_server, db) -> None:
    page.goto(live_server.url + "/account/sign-in/")
    page.get_by_label("Email").fill("someone@example.org")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("This field is required.", exact=True)).to_be_visible()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Password: This field is required.")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("someone@example.org")
    assert axe_violations(page) == []
