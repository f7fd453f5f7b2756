"""Signing in through the pages in browser journeys: the second step, as the app on a phone would."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.personas import code_for


def second_step(page: Page, email: str) -> None:
    """On the sign-in code page, type the code the account's authenticator app shows now.

    The code is computed from the stored secret, as the app on a phone would compute it.
    """
    from cosmediclist.accounts.models import User
    from cosmediclist.accounts.second_factor import app_device

    # The password form posts and redirects: wait until the browser has left it.
    page.wait_for_url(lambda url: urlsplit(url).path != "/account/sign-in/")
    if urlsplit(page.url).path != "/account/sign-in/code/":
        return
    device = app_device(User.objects.get(email__iexact=email))
    assert device is not None, f"{email} has no authenticator app"
    page.get_by_label("Code").fill(code_for(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: urlsplit(url).path != "/account/sign-in/code/")
