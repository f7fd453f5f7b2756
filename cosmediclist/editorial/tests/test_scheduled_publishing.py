"""Scheduled publishing: the every-minute runner publishes a page once its go-live time has passed."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

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
    call_command("run_periodic", stdout=StringIO())
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert Client().get("/guides/scheduled-article/").status_code == 404

    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        out = StringIO()
        call_command("run_periodic", stdout=out)
        call_command("run_periodic", stdout=StringIO())  # a second run is harmless
    assert "cosmediclist.editorial.periodic.publish_scheduled: done" in out.getvalue()
    assert ArticlePage.objects.get(pk=page.pk).live
    assert Client().get("/guides/scheduled-article/").status_code == 200
