"""Scheduled publishing: the every-minute runner (run_periodic) publishes a page once its go-live time has passed."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from cosmediclist.core.periodic import run_due
from cosmediclist.editorial.models import ArticleIndexPage, ArticlePage
from cosmediclist.editorial.tests.factories import article


def test_a_page_scheduled_to_go_live_is_published_by_run_periodic_once_its_time_has_passed(
    guides: ArticleIndexPage,
) -> None:
    page = article(guides, slug="scheduled-article", title="A scheduled article")
    page.unpublish()
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()  # in the future: Wagtail schedules it instead of publishing
    page.refresh_from_db()
    assert not page.live and page.has_unpublished_changes
    run_due()
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert Client().get("/guides/scheduled-article/").status_code == 404

    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        # what run_periodic runs every minute (the command also recycles old connections)
        results = run_due()
        run_due()  # a second run is harmless
    assert results["cosmediclist.editorial.periodic.publish_scheduled"] == "done"
    assert ArticlePage.objects.get(pk=page.pk).live
    assert Client().get("/guides/scheduled-article/").status_code == 200
