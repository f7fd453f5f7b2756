"""What the author may do with their own comment, and what readers may report."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cosmediclist.core.models import AuditEvent
from cosmediclist.discussion.models import Comment, Status
from cosmediclist.discussion.services import REPORTS_TO_HOLD
from cosmediclist.discussion.tests.factories import form_data, make_comment


def posted(client: Client, page) -> Comment:
    client.post(reverse("discussion:post", args=[page.pk]), form_data())
    return Comment.objects.latest("id")


def test_the_author_can_edit_within_15_minutes_from_the_same_browser(client: Client, article) -> None:
    comment = posted(client, article)
    url = reverse("discussion:edit", args=[comment.pk])
    assert "Edit" in client.get(reverse("discussion:page-comments", args=[article.pk])).content.decode()
    assert Client().get(url).status_code == 404  # another browser
    response = client.post(url, {"body": "Corrected text."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Corrected text." and comment.edited_at is not None
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.post(url, {"body": "Too late."})
        assert response.status_code == 400
        assert "within 15 minutes" in response.content.decode()
    assert response.context["form"]["body"].value() == "Too late."


def test_an_edit_runs_the_rules_again(client: Client, article) -> None:
    from cosmediclist.discussion.tests.factories import rules

    rules(disallowed_words="viagra")
    comment = posted(client, article)
    client.post(reverse("discussion:edit", args=[comment.pk]), {"body": "Buy viagra"})
    comment.refresh_from_db()
    assert comment.status == Status.SPAM


def test_the_author_can_delete_within_15_minutes(client: Client, article) -> None:
    comment = posted(client, article)
    url = reverse("discussion:delete", args=[comment.pk])
    assert Client().post(url).status_code == 404
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.TRASH
    assert AuditEvent.objects.filter(action="comment.deleted-by-author").exists()


def test_readers_report_once_and_enough_reports_hold_the_comment(article) -> None:
    comment = make_comment(page=article)
    url = reverse("discussion:report", args=[comment.pk])
    assert Client().get(url).status_code == 200
    for n in range(REPORTS_TO_HOLD):
        reader = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
        assert reader.post(url, {"reason": "Spam"}).status_code == 302
        reader.post(url, {"reason": "again"})  # the same address counts once
    comment.refresh_from_db()
    assert comment.report_count == REPORTS_TO_HOLD
    assert comment.status == Status.PENDING


def test_reports_are_rate_limited_per_address(article) -> None:
    reader = Client(REMOTE_ADDR="203.0.113.50")
    comments = [make_comment(page=article) for _ in range(11)]
    codes = [reader.post(reverse("discussion:report", args=[c.pk]), {}).status_code for c in comments]
    assert codes[:10] == [302] * 10
    assert codes[10] == 429


def test_held_comments_cannot_be_reported(client: Client, article) -> None:
    comment = make_comment(page=article, status=Status.PENDING)
    assert client.get(reverse("discussion:report", args=[comment.pk])).status_code == 404
