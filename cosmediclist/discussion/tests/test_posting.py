"""Posting a comment: the form, the moderation rules, and what the author sees."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from cosmediclist.core.models import AuditEvent
from cosmediclist.discussion import tokens
from cosmediclist.discussion.models import Approval, Badge, Comment, PageCommentSettings, Status
from cosmediclist.discussion.tests.factories import form_data, make_comment, rules
from tests.personas import client_for


def post(client: Client, page, **changes):
    return client.post(reverse("discussion:post", args=[page.pk]), form_data(**changes))


def page_html(client: Client, page) -> str:
    return client.get(reverse("discussion:page-comments", args=[page.pk])).content.decode()


def test_a_comment_is_held_and_shown_only_to_its_author(client: Client, article) -> None:
    response = post(client, article, body="See https://example.com/tips for more.")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    own = page_html(client, article)
    assert "awaiting moderation" in own
    assert "https://example.com/tips" in own
    assert 'href="https://example.com/tips"' not in own  # links are not rendered while held
    assert "Nora Newcomer" not in page_html(Client(), article)
    assert AuditEvent.objects.filter(action="comment.posted", object_id=str(comment.pk)).exists()


def test_the_author_cookie_is_signed_httponly_and_lax(client: Client, article) -> None:
    response = post(client, article)
    cookie = response.cookies[tokens.AUTHOR_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert Comment.objects.get().author_token_hash not in cookie.value


def test_remember_me_sets_a_cookie_only_when_ticked(client: Client, article) -> None:
    response = post(client, article)
    assert tokens.REMEMBER_COOKIE not in response.cookies
    rules(flood_seconds=0)
    response = post(client, article, remember="on")
    cookie = response.cookies[tokens.REMEMBER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert 'value="Nora Newcomer"' in page_html(client, article)


def test_preview_shows_the_comment_without_posting_it(client: Client, article) -> None:
    response = post(client, article, preview="1", body="Looks great https://example.org")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: not posted yet" in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener">' in html
    assert "Looks great https://example.org</textarea>" in html
    assert not Comment.objects.exists()


def test_a_personal_medical_question_gets_a_gentle_prompt_but_is_posted(client: Client, article) -> None:
    body = "I'm pregnant, is it safe for me to have mesotherapy on my face?"
    preview = post(client, article, preview="1", body=body).content.decode()
    assert "private consultation" in preview
    assert post(client, article, body=body).status_code == 302
    assert Comment.objects.get().looks_medical
    assert "private consultation" in page_html(client, article)


def test_a_general_remark_gets_no_medical_prompt(client: Client, article) -> None:
    post(client, article, body="The guide explains the number of sessions clearly.")
    assert not Comment.objects.get().looks_medical


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "required"),
        ({"email": "not-an-address"}, "email", "valid email"),
        ({"website": "javascript:alert(1)"}, "website", "valid URL"),
        ({"website": "ftp://example.org/file"}, "website", "valid URL"),
        ({"body": "   "}, "body", "required"),
        ({"body": "x" * 5001}, "body", "at most 5000"),
        ({"parent": "abc"}, "parent", "whole number"),
    ],
)
def test_bad_fields_get_a_message_next_to_them_and_keep_what_was_typed(
    client: Client, article, changes, field, message
) -> None:
    response = post(client, article, **changes)
    assert response.status_code == 400
    assert message in " ".join(response.context["comment_form"].errors[field])
    html = response.content.decode()
    assert escape(changes[field]) in html  # what was typed is kept
    assert escape(form_data()["body"] if field != "body" else changes[field]) in html
    assert not Comment.objects.exists()


def test_only_http_and_https_websites_are_kept_and_rendered_nofollow(client: Client, article) -> None:
    rules(approval=Approval.OPEN)
    post(client, article, website="https://clinic.example.org/")
    html = page_html(Client(), article)
    assert '<a href="https://clinic.example.org/" rel="nofollow ugc noopener">Nora Newcomer</a>' in html


def test_the_honeypot_refuses_robots(client: Client, article) -> None:
    response = post(client, article, homepage="http://spam.example")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_form_sent_back_too_fast_or_forged_is_refused(client: Client, article) -> None:
    assert post(client, article, started=tokens.started_token()).status_code == 400
    assert post(client, article, started="forged").status_code == 400
    data = form_data()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        response = client.post(reverse("discussion:post", args=[article.pk]), data)
        assert response.status_code == 400  # started two days ago: expired
    assert not Comment.objects.exists()


def test_a_second_comment_from_the_same_address_within_15_seconds_is_refused(client: Client, article) -> None:
    assert post(client, article).status_code == 302
    response = post(client, article, body="And another thing.")
    assert response.status_code == 400
    assert "too quickly" in response.content.decode()
    with time_machine.travel(timezone.now() + timedelta(seconds=16)):
        assert post(client, article, body="And another thing.").status_code == 302


def test_posts_per_address_are_rate_limited(client: Client, article) -> None:
    rules(flood_seconds=0, posts_per_hour=2)
    assert post(client, article).status_code == 302
    assert post(client, article).status_code == 302
    response = post(client, article)
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Comment.objects.count() == 2


def test_known_authors_are_published_when_the_rule_says_so(client: Client, article) -> None:
    rules(approval=Approval.KNOWN_AUTHORS)
    make_comment(page=article, email="Nora.Newcomer@example.org")
    post(client, article)
    assert Comment.objects.filter(name="Nora Newcomer").get().status == Status.APPROVED
    post(Client(REMOTE_ADDR="203.0.113.9"), article, email="stranger@example.org")
    assert Comment.objects.get(email="stranger@example.org").status == Status.PENDING


def test_more_links_than_allowed_hold_even_an_open_site(client: Client, article) -> None:
    rules(approval=Approval.OPEN, max_links=2)
    post(client, article, body="https://a.example https://b.example https://c.example")
    assert Comment.objects.get().status == Status.PENDING


def test_two_links_pass_on_an_open_site(client: Client, article) -> None:
    rules(approval=Approval.OPEN, max_links=2)
    post(client, article, body="https://a.example and https://b.example")
    assert Comment.objects.get().status == Status.APPROVED


@pytest.mark.parametrize("field", ["name", "email", "website", "body"])
def test_moderation_words_hold_and_disallowed_words_send_to_spam(client: Client, article, field) -> None:
    rules(approval=Approval.OPEN, moderation_words="casino\n", disallowed_words="\nviagra", flood_seconds=0)
    held = {"name": "Casino Carl", "email": "casino@example.org", "website": "https://casino.example"}
    spam = {"name": "Viagra Vic", "email": "viagra@example.org", "website": "https://viagra.example"}
    post(client, article, **{field: held.get(field, "Best Casino offers")})
    assert Comment.objects.get().status == Status.PENDING
    post(client, article, **{field: spam.get(field, "Cheap VIAGRA here")})
    assert Comment.objects.latest("id").status == Status.SPAM


def test_comments_can_be_closed_per_page(client: Client, article) -> None:
    PageCommentSettings.objects.create(page=article, is_closed=True)
    assert "Comments are closed" in page_html(client, article)
    response = post(client, article)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_n_days(client: Client, article) -> None:
    rules(close_after_days=30)
    article.first_published_at = timezone.now() - timedelta(days=31)
    article.save()
    assert post(client, article).status_code == 400
    assert "Comments are closed" in page_html(client, article)


def test_replies_nest_up_to_the_depth_limit(client: Client, article) -> None:
    rules(approval=Approval.OPEN, flood_seconds=0, max_depth=2)
    top = make_comment(page=article)
    assert post(client, article, parent=str(top.pk)).status_code == 302
    child = Comment.objects.latest("id")
    assert (child.depth, child.thread_id, child.parent_id) == (2, top.pk, top.pk)
    response = post(client, article, parent=str(child.pk))
    assert response.status_code == 400
    assert "nested" in " ".join(response.context["comment_form"].errors["parent"])


def test_a_reply_to_a_comment_of_another_page_or_a_held_one_is_refused(client: Client, article) -> None:
    held = make_comment(page=article, status=Status.PENDING)
    response = post(client, article, parent=str(held.pk))
    assert response.status_code == 400
    assert "not available" in " ".join(response.context["comment_form"].errors["parent"])


def test_editors_get_the_editor_badge(article, editor) -> None:
    client = client_for(editor)
    response = client.post(
        reverse("discussion:post", args=[article.pk]), {**form_data(), "email": "", "name": "Edna Editor"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.badge == Badge.EDITOR
    assert comment.email == "edna.editor@example.org"
    html = page_html(Client(), article)
    assert "badge--editor" in html
    assert "edna.editor@example.org" not in html


def test_a_signed_in_reader_is_not_asked_for_an_email(article, reader) -> None:
    html = page_html(client_for(reader), article)
    assert 'name="email"' not in html
    assert "rosa.reader@example.org" not in html


def test_posting_is_one_short_transaction(client: Client, article, editor) -> None:
    rules()  # the settings row exists, as on any site after its first comment
    with CaptureQueriesContext(connection) as queries:
        assert post(client, article).status_code == 302
    # The rate limit is counted before, outside the comment's transaction, in the shared cache.
    sql = [q["sql"] for q in queries.captured_queries if "cosmediclist_limits" not in q["sql"]]
    empty = {i for i in range(len(sql) - 1) if sql[i + 1] == f"RELEASE {sql[i]}"}
    sql = [s for i, s in enumerate(sql) if i not in empty and i - 1 not in empty]
    writes = [i for i, s in enumerate(sql) if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    opened = next(i for i, s in enumerate(sql) if s.startswith("SAVEPOINT"))
    released = max(i for i, s in enumerate(sql) if s.startswith("RELEASE SAVEPOINT"))
    assert opened < min(writes) and max(writes) < released
    # the comment, its audit event, the moderator's email and its delivery job
    assert len(writes) == 4
    assert len(sql) <= 20


def test_the_time_check_uses_the_signed_start(article) -> None:
    elapsed = tokens.seconds_since_started(tokens.started_token(time.time() - 5))
    assert elapsed is not None and elapsed >= 5
