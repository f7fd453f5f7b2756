"""The comment pages are valid HTML (Nu HTML Checker), and the demo loader adds threaded comments."""

from __future__ import annotations

from pathlib import Path

from django.test import Client
from django.urls import reverse

from cosmediclist.discussion import demo
from cosmediclist.discussion.models import Comment, Status
from cosmediclist.discussion.tests.factories import form_data, make_comment, make_page, reply
from tests.personas import client_for
from tests.site import nu_html_errors


def test_comment_pages_pass_the_nu_html_checker(client: Client, article, editor, tmp_path: Path) -> None:
    top = make_comment(page=article, website="https://example.org", body="Hello https://a.example\n\nSecond")
    reply(reply(top, badge="editor"))
    client.post(reverse("discussion:post", args=[article.pk]), form_data(body="I'm pregnant, can I have it?"))
    pages = {
        "comments": client.get(reverse("discussion:page-comments", args=[article.pk]) + f"?replyto={top.pk}"),
        "errors": client.post(reverse("discussion:post", args=[article.pk]), form_data(email="bad")),
        "preview": client.post(reverse("discussion:post", args=[article.pk]), form_data(preview="1")),
        "queue": client_for(editor).get(reverse("discussion:queue")),
        "report": client.get(reverse("discussion:report", args=[top.pk])),
        "edit": client.get(reverse("discussion:edit", args=[Comment.objects.get(status=Status.PENDING).pk])),
    }
    for name, response in pages.items():
        assert response.status_code in (200, 400), name
    assert nu_html_errors({name: response.content for name, response in pages.items()}, tmp_path) == []


def test_the_demo_loader_adds_approved_threaded_comments_once(db) -> None:
    article = make_page("Mesotherapy", parent=make_page("Guides"))
    demo.load()
    demo.load()
    comments = Comment.objects.filter(page=article)
    assert comments.count() == 4
    assert set(comments.values_list("status", flat=True)) == {Status.APPROVED}
    assert comments.filter(depth=3).exists()


def test_the_demo_loader_skips_a_site_without_pages(db) -> None:
    demo.load()
    assert not Comment.objects.exists()
