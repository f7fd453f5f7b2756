"""Hostile input: naughty strings in every field, stored XSS everywhere a comment is shown, leaked emails."""

from __future__ import annotations

import hashlib
from typing import Any
from xml.etree import ElementTree

from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from cosmediclist.core.text import strip_control_characters
from cosmediclist.discussion import services, tokens
from cosmediclist.discussion.forms import CommentForm
from cosmediclist.discussion.models import Comment, Status
from cosmediclist.discussion.tests.factories import form_data, make_comment, reply, rules
from tests.corpora import lines, naughty_strings
from tests.markup import Elements, as_received, assert_nothing_new, elements
from tests.personas import client_for
from tests.worker import run_tasks


def test_every_naughty_string_in_every_field_is_refused_or_stored_escaped_never_a_500(article) -> None:
    rules(flood_seconds=0, posts_per_hour=30000, min_fill_seconds=0, threads_per_page=2000)
    url = reverse("discussion:post", args=[article.pk])
    kept = 0
    for value in naughty_strings():
        for fields in (("name", "body"), ("email", "website")):
            # A fresh browser each time: its own held comments would otherwise grow the page.
            response = Client().post(url, form_data(**dict.fromkeys(fields, value)))
            assert response.status_code in (302, 400), (fields, value)
            if response.status_code == 400:
                kept += 1
                form = response.context["comment_form"]
                assert set(form.errors) & {*fields, "__all__"}, (fields, value)
                shown = strip_control_characters(value)  # kept as typed, less control characters
                if "name" in fields and shown.strip():
                    assert f'value="{escape(shown)}"' in response.content.decode()
    assert kept > 0
    stored = list(Comment.objects.values_list("name", flat=True))
    assert len(stored) > 400
    Comment.objects.update(status=Status.APPROVED)
    response = Client().get(reverse("discussion:page-comments", args=[article.pk]))
    assert response.status_code == 200
    text = "".join(elements(response.content.decode()).text)
    missing = [name for name in stored if name.strip() not in text]
    assert missing == []


def _baseline(client: Client, page) -> tuple[Elements, Elements]:
    """The elements the comments page and the queue have with ordinary comments of every kind."""
    top = make_comment(
        page=page, name="Plain Name", website="https://example.org/", body="See https://a.example"
    )
    reply(top, name="Second", body="One\n\ntwo\nthree", badge="editor")
    comments = elements(client.get(reverse("discussion:page-comments", args=[page.pk])).content.decode())
    queue = elements(client.get(reverse("discussion:queue") + "?status=approved").content.decode())
    Comment.objects.all().delete()
    queue.pairs.add(
        ("a", "rel")
    )  # the queue's pagination links (rel="next"/"prev"), not in a one-page baseline
    return comments, queue


def _store_payloads(page, payloads: list[str]) -> None:
    """Each payload as name, website and body, as the form would keep them, approved."""
    rows = []
    for n, payload in enumerate(payloads):
        form = CommentForm(
            data={"name": payload, "website": payload, "body": payload, "email": "x@example.org"}
        )
        form.is_valid()
        website = form.cleaned_data.get("website") or ""
        rows.append(
            Comment(
                page=page,
                name=payload[:80],
                email=f"xss{n}@example.org",
                website=website,
                body=payload[:5000],
                status=Status.APPROVED,
                ip_hash=str(n),
            )
        )
    Comment.objects.bulk_create(rows, batch_size=500)


def test_stored_xss_payloads_create_nothing_on_the_page_the_queue_the_feed_or_the_email(
    article, editor
) -> None:
    rules(threads_per_page=5000)
    editor_client = client_for(editor)
    page_base, queue_base = _baseline(editor_client, article)
    payloads = [as_received(p) for p in lines("xss-payloads-half.txt")]
    assert len(payloads) > 3000
    _store_payloads(article, payloads)

    html = Client().get(reverse("discussion:page-comments", args=[article.pk])).content.decode()
    found = assert_nothing_new(html, page_base)
    text = " ".join("".join(found.text).split())
    hidden = [p for p in payloads if " ".join(p[:80].split()) not in text and p.strip()]
    assert hidden == []

    for number in range(1, len(payloads) // 500 + 2):
        queue = editor_client.get(
            reverse("discussion:queue") + f"?status=approved&per_page=500&page={number}"
        )
        assert_nothing_new(queue.content.decode(), queue_base)

    feed_tags = {
        "rss",
        "channel",
        "title",
        "link",
        "description",
        "atom:link",
        "language",
        "lastBuildDate",
        "item",
    }
    for number in range(1, len(payloads) // 50 + 2):
        feed = Client().get(reverse("discussion:site-feed") + f"?page={number}").content.decode()
        root = ElementTree.fromstring(feed)  # noqa: S314 - our own feed
        for item in root.iter("item"):
            assert {child.tag for child in item} <= {
                "title",
                "link",
                "description",
                "pubDate",
                "guid",
                "{http://purl.org/dc/elements/1.1/}creator",
            }
            assert_nothing_new(
                item.findtext("description") or "", elements("<p><br><a href='https://x' rel='x'></a></p>")
            )
        assert {el.tag.split("}")[-1] for el in root.iter()} - feed_tags - {
            "pubDate",
            "guid",
            "creator",
        } == set()

    email_base = elements(_held_email(Comment(pk=1, name="Name", website="https://example.org", body="Text")))
    for comment in Comment.objects.all().only("pk", "name", "website", "body").iterator():
        assert_nothing_new(_held_email(comment), email_base)


def _held_email(comment: Comment) -> str:
    context: dict[str, Any] = {
        "page_title": "Guide",
        "name": comment.name,
        "website": comment.website,
        "body": comment.body,
        "links": {"approve": "/a/", "spam": "/s/", "trash": "/t/"},
        "queue": "/q/",
        "site_url": "http://127.0.0.1:8000",
    }
    return render_to_string("emails/comment_held.html", context)


def _fingerprints(address: str) -> list[str]:
    out = []
    for variant in {address, address.lower(), address.strip().lower()}:
        for algorithm in ("md5", "sha1", "sha256"):
            out.append(hashlib.new(algorithm, variant.encode()).hexdigest())
    return [address, *out]


def test_no_commenter_email_or_its_hash_appears_anywhere_public(
    client: Client, article, editor, smtp_server
) -> None:
    rules(flood_seconds=0)
    address = "Secret.Person@example.org"
    client.post(reverse("discussion:post", args=[article.pk]), form_data(email=address, notify_replies="on"))
    comment = Comment.objects.get()
    services.moderate(comment_ids=[comment.pk], action="approve", actor=editor)
    other = Client(REMOTE_ADDR="203.0.113.77")
    other.post(
        reverse("discussion:post", args=[article.pk]),
        form_data(parent=str(comment.pk), email="replier@example.org"),
    )
    services.moderate(comment_ids=[Comment.objects.latest("id").pk], action="approve", actor=editor)
    run_tasks()
    outputs = [
        client.get(reverse("discussion:page-comments", args=[article.pk])).content.decode(),
        Client().get(reverse("discussion:page-comments", args=[article.pk])).content.decode(),
        Client().get(reverse("discussion:site-feed")).content.decode(),
        Client().get(reverse("discussion:page-feed", args=[article.pk])).content.decode(),
        client_for(editor).get(reverse("discussion:queue") + "?status=approved").content.decode(),
        Client().get(reverse("discussion:report", args=[comment.pk])).content.decode(),
        Client()
        .get(reverse("discussion:moderate-link", args=[tokens.moderation_token(comment.pk, "spam")]))
        .content.decode(),
    ]
    outputs += [m.as_string() for m in smtp_server.messages if m["To"] == "edna.editor@example.org"]
    assert len(outputs) > 7
    for output in outputs:
        lowered = output.lower()
        assert [f for f in _fingerprints(address) if f.lower() in lowered] == []
        assert "replier@example.org" not in lowered
