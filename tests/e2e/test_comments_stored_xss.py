"""Stored XSS in comments, in a real browser: a sample of payloads runs nothing, with the strict CSP
and with CSP bypassed. (Journey 1 itself, comments included, is test_journey_1_article_and_comments.py.)
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from playwright.sync_api import Browser, expect
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models import Page as WagtailPage

from cosmediclist.discussion.forms import CommentForm
from cosmediclist.discussion.models import Comment, ModerationSettings, Status
from tests.corpora import lines
from tests.e2e.trap import trapped_tab

XSS_SAMPLE = 150


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
        tab, dialogs = trapped_tab(context)
        tab.goto(f"{live_server.url}/comments/{article.pk}/", wait_until="load")
        expect(tab.locator(".comment")).to_have_count(len(sample))
        tab.locator(".comment").nth(len(sample) // 2).hover()
        assert tab.evaluate("window.__xss") == 0
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
