"""A staff member sets up a second factor and signs in with it, in a real browser: the editor's
password alone opens no CMS; the setup page (QR code and typed key), the recovery codes and the
code page pass axe and the Nu HTML Checker, on a desktop and a phone screen."""

from __future__ import annotations

import time
from base64 import b32decode
from pathlib import Path

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Browser, Page, expect

from cosmediclist.accounts.models import User
from cosmediclist.editorial.services import set_up_editorial
from tests.e2e.axe import axe_violations, checked_html
from tests.e2e.signin import second_step
from tests.personas import PASSWORD
from tests.site import nu_html_errors


def app_code(secret_shown: str) -> str:
    """What an authenticator app shows now for the key the page displayed (RFC 6238)."""
    raw = secret_shown.replace(" ", "")
    key = b32decode(raw + "=" * (-len(raw) % 8))
    totp = TOTP(key)
    totp.time = time.time()
    return f"{totp.token():06d}"


def sign_in_with_password(page: Page, base: str, email: str, next_path: str) -> None:
    page.goto(f"{base}/account/sign-in/?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("screen", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_a_staff_member_enrols_a_second_factor_and_signs_in_with_it(
    browser: Browser, live_server, editor: User, tmp_path: Path, screen: tuple[int, int]
) -> None:
    width, height = screen
    set_up_editorial()  # the editors' group and its CMS permissions (an earlier flush removed Wagtail's)
    base = live_server.url
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    html: dict[str, str] = {}

    # The password alone leads to the setup page, not to the CMS.
    sign_in_with_password(page, base, editor.email, "/cms/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{base}/cms/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")

    # The code the app shows for the key on the page turns it on.
    html["setup"] = page.content()
    page.screenshot(path=tmp_path / f"setup-{width}.png", full_page=True)
    page.get_by_label("Code from your app").fill(app_code(page.locator(".otp-secret").inner_text()))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    html["recovery-codes"] = checked_html(page)
    page.screenshot(path=tmp_path / f"codes-{width}.png", full_page=True)
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(f"{base}/cms/", timeout=30_000)  # Wagtail's dashboard is slow to render

    # Next time: the password, then the code page.
    page.goto(f"{base}/account/")
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    sign_in_with_password(page, base, editor.email, "/cms/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    html["code"] = checked_html(page)
    page.screenshot(path=tmp_path / f"code-{width}.png", full_page=True)
    second_step(page, editor.email)
    expect(page).to_have_url(f"{base}/cms/", timeout=30_000)  # Wagtail's dashboard is slow to render

    assert nu_html_errors(html, tmp_path) == []
