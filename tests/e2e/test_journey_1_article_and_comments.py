"""Journey 1 of DESIGN.md, whole: a reader opens the mesotherapy guide, reads the facts, the benefits
and the clinics that offer it, shares it and posts a comment; it is held, an editor approves it; a
second reader's reply is approved too and shows threaded; no email address in the page or the API.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.catalog import demo as catalog_demo
from cosmediclist.directory import demo as directory_demo
from cosmediclist.discussion import tokens
from cosmediclist.discussion.models import Comment
from cosmediclist.discussion.tests.factories import rules
from cosmediclist.editorial import demo as editorial_demo
from cosmediclist.editorial.tests.factories import wagtail_roots
from tests.e2e.axe import axe_violations
from tests.e2e.signin import second_step
from tests.personas import PASSWORD, enrol_app
from tests.site import EMAIL_RE

GUIDE = "/guides/what-is-mesotherapy/"
TITLE = "What is mesotherapy and how does it work?"
ROSA, NORA = "rosa.reader@example.org", "nora.newcomer@example.org"


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "permissions": ["clipboard-read", "clipboard-write"]}


def load_demo_content() -> None:
    """The catalogue, the guides and the clinics of the demo (about 2 s): the page as it ships."""
    wagtail_roots()
    for loader in (accounts_demo, catalog_demo, editorial_demo, directory_demo):
        loader.load()


def backdate_form(page: Page) -> None:
    """Sign the form's start a minute back, as if the reader had taken a minute to write.

    The minimum fill time stays at its default; only the signed timestamp moves.
    """
    token = tokens.started_token(time.time() - 60)
    page.locator("#comment-form input[name=started]").evaluate("(input, value) => input.value = value", token)


def write_comment(page: Page, *, name: str, email: str, body: str) -> None:
    form = page.locator("#comment-form")
    form.get_by_role("textbox", name="Name").fill(name)
    form.get_by_role("textbox", name="Email").fill(email)
    form.get_by_role("textbox", name="Comment").fill(body)
    backdate_form(page)
    form.get_by_role("button", name="Post comment").click()


def approve(moderator: Page, name: str) -> None:
    moderator.goto(moderator.url.split("?")[0])
    moderator.get_by_label(f"Select the comment by {name}").check()
    moderator.get_by_label("Action for the selected comments").select_option("approve")
    moderator.get_by_role("button", name="Apply").click()
    expect(moderator.get_by_text("1 comment updated.")).to_be_visible()
    assert EMAIL_RE.findall(moderator.content()) == []


def fingerprints(address: str) -> list[str]:
    return [address] + [
        hashlib.new(a, address.lower().encode()).hexdigest() for a in ("md5", "sha1", "sha256")
    ]


@pytest.mark.django_db(transaction=True)
def test_reader_reads_shares_and_comments_and_an_editor_approves_the_thread(
    page: Page, browser: Browser, live_server, settings, editor
) -> None:
    load_demo_content()
    rules(flood_seconds=0)  # both readers post from the loopback address, a few seconds apart
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # The reader finds the guide from the home page.
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(live_server.url + GUIDE)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Medically reviewed by")).to_be_visible()

    # The facts at a glance come from the catalogue's mesotherapy treatment.
    glance = page.get_by_role("complementary", name="Mesotherapy at a glance")
    expect(glance).to_contain_text("3–4 sessions")
    expect(glance).to_contain_text("4–6 months")
    expect(page.get_by_role("heading", name="What clinics say it may do")).to_be_visible()

    # Clinics that offer it, the nearest first once the reader gives a town.
    clinics = page.get_by_role("region", name="Clinics offering Mesotherapy")
    clinics.get_by_label("Show the nearest to a town or city").fill("Manchester")
    clinics.get_by_role("button", name="Show clinics").click()
    near = page.get_by_role("region", name="Clinics offering Mesotherapy near Manchester")
    expect(near.get_by_role("link", name="Wellcare Medical Centre", exact=True)).to_be_visible()
    expect(near.locator(".clinic-card__distance").first).to_contain_text("miles")
    assert axe_violations(page) == []

    # Sharing works without third-party scripts; the copy button puts the canonical address on the clipboard.
    share = page.get_by_role("region", name="Share this guide")
    whatsapp = share.get_by_role("link", name="Share on WhatsApp").get_attribute("href")
    assert whatsapp is not None and whatsapp.startswith("https://wa.me/?text=")
    for name in ("Share by email", "Share on X", "Share on Facebook", "Share on LinkedIn", "Share on Reddit"):
        expect(share.get_by_role("link", name=name)).to_be_visible()
    share.get_by_role("button", name="Copy link").click()
    expect(page.locator("#share-status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{settings.SITE_URL}{GUIDE}"

    # The reader comments: it is held, and shown as such to that reader only.
    write_comment(page, name="Rosa Reader", email=ROSA, body="Booked my first session after reading this.")
    rosa = Comment.objects.get(name="Rosa Reader")
    mine = page.locator(f"#comment-{rosa.pk}")
    expect(mine).to_contain_text("Your comment is awaiting moderation. Only you can see it for now.")
    expect(page.locator(".comments__count")).to_have_text("(0)")
    assert EMAIL_RE.findall(page.content()) == []
    assert axe_violations(page) == []

    stranger = browser.new_context().new_page()
    stranger.goto(live_server.url + GUIDE)
    expect(stranger.get_by_text("No comments yet.")).to_be_visible()
    expect(stranger.get_by_text("Booked my first session")).to_have_count(0)

    # An editor signs in (password, then the code from the app) and approves it from the queue.
    enrol_app(editor)
    moderator = browser.new_context().new_page()
    moderator.goto(f"{live_server.url}/account/sign-in/?next=/moderation/comments/")
    assert axe_violations(moderator) == []
    moderator.get_by_label("Email").fill(editor.email)
    moderator.get_by_label("Password").fill(PASSWORD)
    moderator.get_by_role("button", name="Sign in").click()
    second_step(moderator, editor.email)
    expect(moderator.get_by_role("heading", name="Comment moderation")).to_be_visible()
    expect(moderator.get_by_text("Booked my first session after reading this.")).to_be_visible()
    assert axe_violations(moderator) == []
    approve(moderator, "Rosa Reader")

    stranger.reload()
    expect(stranger.locator(f"#comment-{rosa.pk}")).to_contain_text(
        "Booked my first session after reading this."
    )
    expect(stranger.get_by_text("awaiting moderation")).to_have_count(0)

    # A second reader replies to it; the reply is held, then approved, and shows under its parent.
    stranger.get_by_role("link", name="Reply to Rosa Reader").click()
    expect(stranger.get_by_role("heading", name="Reply to Rosa Reader")).to_be_visible()
    assert axe_violations(stranger) == []
    write_comment(stranger, name="Nora Newcomer", email=NORA, body="Did the small bumps go by the evening?")
    nora = Comment.objects.get(name="Nora Newcomer")
    assert nora.parent_id == rosa.pk
    expect(stranger.locator(f"#comment-{rosa.pk} .comment-list--replies #comment-{nora.pk}")).to_contain_text(
        "awaiting moderation"
    )
    page.reload()
    expect(page.get_by_text("Did the small bumps")).to_have_count(0)
    approve(moderator, "Nora Newcomer")

    page.reload()
    reply = page.locator(f"#comment-{rosa.pk} .comment-list--replies #comment-{nora.pk}")
    expect(reply).to_contain_text("Did the small bumps go by the evening?")
    expect(page.locator(".comments__count")).to_have_text("(2)")
    expect(page.get_by_text("awaiting moderation")).to_have_count(0)
    assert axe_violations(page) == []

    # No email address, nor a hash of one, in the page or in any API response about it.
    responses = [page.content(), stranger.content()]
    for path in (
        f"/api/v1/pages/{rosa.page_id}/comments",
        f"/comments/{rosa.page_id}/",
        f"/feeds/comments/{rosa.page_id}/",
        "/api/v1/treatments/mesotherapy",
    ):
        answer = page.request.get(live_server.url + path)
        assert answer.ok, path
        responses.append(answer.text())
    api = page.request.get(f"{live_server.url}/api/v1/pages/{rosa.page_id}/comments").json()
    assert [(c["author_name"], c["parent_id"]) for c in api["items"]] == [
        ("Rosa Reader", None),
        ("Nora Newcomer", rosa.pk),
    ]
    for text in responses:
        assert EMAIL_RE.findall(text) == []
        for fingerprint in [*fingerprints(ROSA), *fingerprints(NORA), *fingerprints(editor.email)]:
            assert fingerprint not in text
    assert errors == []
    # Close the other readers' connections before the live server stops.
    stranger.context.close()
    moderator.context.close()
