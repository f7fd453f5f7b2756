"""Journey 1 (comments): a reader posts, it is held, an editor approves it, it shows threaded; no email anywhere.

Also the stored-XSS sample in a real browser, with the strict CSP and with CSP bypassed.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from playwright.sync_api import Browser, Dialog, Page, expect
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models import Page as WagtailPage

from conftest import PASSWORD
from cosmediclist.discussion.forms import CommentForm
from cosmediclist.discussion.models import Comment, ModerationSettings, Status
from tests.corpora import lines
from tests.e2e.conftest import axe_violations
from tests.site import EMAIL_RE

XSS_SAMPLE = 150
TRAP = """
window.__xss = undefined;
['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
  window[name] = function () { window.__xss = (window.__xss || 0) + 1; };
});
"""


def make_page(title: str) -> WagtailPage:
    # A transactional test flushes the tree that Wagtail's migration made: plant a root again.
    root = WagtailPage.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = WagtailPage.add_root(instance=WagtailPage(title="Root", slug="root"))
    page = WagtailPage(title=title, slug=slugify(title), live=True, first_published_at=timezone.now())
    root.add_child(instance=page)
    return page


@pytest.mark.django_db(transaction=True)
def test_a_held_reply_is_approved_from_the_queue_and_shows_threaded(
    page: Page, browser: Browser, live_server, editor
) -> None:
    article = make_page("What is mesotherapy and how does it work?")
    settings_row = ModerationSettings.load()
    settings_row.min_fill_seconds = 0  # the browser fills the form faster than a person would
    settings_row.save()
    parent = Comment.objects.create(
        page=article,
        name="Hannah K.",
        email="hannah.k@example.org",
        body="Two sessions in, all fine.",
        status=Status.APPROVED,
        ip_hash="seed",
    )
    comments_url = f"{live_server.url}/comments/{article.pk}/"

    page.goto(f"{comments_url}?replyto={parent.pk}#comment-form")
    expect(page.get_by_role("heading", name="Reply to Hannah K.")).to_be_visible()
    page.locator("#id_name").fill("Nora Newcomer")
    page.locator("#id_email").fill("nora.newcomer@example.org")
    page.locator("#id_body").fill("Did the small bumps go by the evening for you too?")
    page.get_by_role("button", name="Post comment").click()
    mine = page.locator(f"#comment-{parent.pk} .comment-list--replies .comment--pending")
    expect(mine).to_contain_text("awaiting moderation")
    expect(mine).to_contain_text("Did the small bumps go by the evening")
    assert EMAIL_RE.findall(page.content()) == []
    assert axe_violations(page) == []

    stranger = browser.new_page()
    stranger.goto(comments_url)
    expect(stranger.get_by_text("Two sessions in, all fine.")).to_be_visible()
    expect(stranger.get_by_text("Did the small bumps")).to_have_count(0)

    moderator = browser.new_page()
    moderator.goto(f"{live_server.url}/account/sign-in/?next=/moderation/comments/")
    moderator.get_by_label("Email").fill("edna.editor@example.org")
    moderator.get_by_label("Password").fill(PASSWORD)
    moderator.get_by_role("button", name="Sign in").click()
    expect(moderator.get_by_role("heading", name="Comment moderation")).to_be_visible()
    assert axe_violations(moderator) == []
    moderator.get_by_label("Select the comment by Nora Newcomer").check()
    moderator.get_by_label("Action for the selected comments").select_option("approve")
    moderator.get_by_role("button", name="Apply").click()
    expect(moderator.get_by_text("1 comment updated.")).to_be_visible()
    assert EMAIL_RE.findall(moderator.content()) == []

    stranger.goto(comments_url)
    reply = stranger.locator(f"#comment-{parent.pk} .comment-list--replies .comment")
    expect(reply).to_contain_text("Did the small bumps go by the evening for you too?")
    expect(stranger.get_by_text("awaiting moderation")).to_have_count(0)
    expect(stranger.locator(".comments__count")).to_have_text("(2)")
    assert EMAIL_RE.findall(stranger.content()) == []
    assert axe_violations(stranger) == []
    feed = stranger.request.get(f"{live_server.url}/feeds/comments/{article.pk}/")
    assert feed.ok and EMAIL_RE.findall(feed.text()) == []


def _store_sample(page: WagtailPage) -> list[str]:
    payloads = lines("xss-payloads-half.txt")
    step = len(payloads) // XSS_SAMPLE
    sample = [
        p.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for p in payloads[::step][:XSS_SAMPLE]
    ]
    rows = []
    for n, payload in enumerate(sample):
        form = CommentForm(data={"website": payload})
        form.is_valid()
        rows.append(
            Comment(
                page=page,
                name=payload[:80],
                email=f"x{n}@example.org",
                website=form.cleaned_data.get("website") or "",
                body=payload,
                status=Status.APPROVED,
                ip_hash=str(n),
            )
        )
    Comment.objects.bulk_create(rows)
    return sample


@pytest.mark.django_db(transaction=True)
def test_stored_xss_sample_runs_nothing_with_csp_on_or_bypassed(browser: Browser, live_server) -> None:
    article = make_page("XSS sample")
    settings_row = ModerationSettings.load()
    settings_row.threads_per_page = 500
    settings_row.save()
    sample = _store_sample(article)
    for bypass in (False, True):
        context = browser.new_context(bypass_csp=bypass)
        context.add_init_script(TRAP)
        dialogs: list[str] = []

        def on_dialog(dialog: Dialog, seen: list[str] = dialogs) -> None:
            seen.append(dialog.message)
            dialog.dismiss()

        tab = context.new_page()
        tab.on("dialog", on_dialog)
        tab.goto(f"{live_server.url}/comments/{article.pk}/", wait_until="load")
        expect(tab.locator(".comment")).to_have_count(len(sample))
        tab.locator(".comment").nth(len(sample) // 2).hover()
        assert tab.evaluate("window.__xss") is None
        assert dialogs == []
        assert (
            tab.locator(
                ".comment__body script, .comment__body img, .comment__body iframe, .comment__body svg"
            ).count()
            == 0
        )
        body_text = tab.locator(".comment-list").inner_text()
        assert re.sub(r"\s+", " ", sample[0][:20]).strip() in re.sub(r"\s+", " ", body_text)
        context.close()
