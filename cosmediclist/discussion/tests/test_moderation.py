"""The editors' queue, the moderators' signed email links, and the notifications that follow."""

from __future__ import annotations

import re
from datetime import timedelta

import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cosmediclist.core.models import AuditEvent
from cosmediclist.discussion import tokens
from cosmediclist.discussion.models import Comment, Status
from cosmediclist.discussion.tests.factories import form_data, make_comment, reply
from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.notifications.models import OutgoingEmail
from tests.personas import client_for
from tests.worker import run_tasks

QUEUE = reverse("discussion:queue")


def test_only_editors_reach_the_queue(client: Client, reader, editor) -> None:
    assert client.get(QUEUE).status_code == 302
    assert client_for(reader).get(QUEUE).status_code == 403
    assert (
        client_for(reader).post(reverse("discussion:bulk"), {"action": "approve", "ids": ["1"]}).status_code
        == 403
    )
    assert client_for(editor).get(QUEUE).status_code == 200


def test_the_queue_has_tabs_search_and_shows_no_email(editor, article) -> None:
    make_comment(page=article, status=Status.PENDING, name="Pending Pat", email="pat.secret@example.org")
    make_comment(page=article, status=Status.SPAM, name="Spammy Sam")
    client = client_for(editor)
    html = client.get(QUEUE).content.decode()
    assert "Pending Pat" in html and "Spammy Sam" not in html
    assert "pat.secret@example.org" not in html
    assert "Spammy Sam" in client.get(QUEUE + "?status=spam").content.decode()
    assert "Pending Pat" not in client.get(QUEUE + "?q=nothing-like-it").content.decode()
    assert "Pending Pat" in client.get(QUEUE + "?q=pat.secret@example.org").content.decode()


def test_the_queue_runs_a_fixed_number_of_queries(editor, article, django_assert_num_queries) -> None:
    client = client_for(editor)
    make_comment(page=article, status=Status.PENDING)
    client.get(QUEUE)
    with django_assert_num_queries(6):
        client.get(QUEUE)
    for _ in range(30):
        make_comment(page=article, status=Status.PENDING)
    with django_assert_num_queries(6):
        client.get(QUEUE)


def test_bulk_approve_is_audited_and_tells_the_author(editor, article, smtp_server) -> None:
    held = [make_comment(page=article, status=Status.PENDING) for _ in range(2)]
    response = client_for(editor).post(
        reverse("discussion:bulk"),
        {"action": "approve", "ids": [str(c.pk) for c in held], "back": "?status=pending"},
    )
    assert response.status_code == 302
    assert Comment.objects.filter(status=Status.APPROVED).count() == 2
    events = AuditEvent.objects.filter(action="comment.approve", actor=editor)
    assert events.count() == 2
    run_tasks()
    subjects = sorted(m["Subject"] for m in smtp_server.messages)
    assert subjects == [f"Your comment on {article.title} is published"] * 2


def test_bulk_action_without_a_selection_changes_nothing(editor, article) -> None:
    comment = make_comment(page=article, status=Status.PENDING)
    client_for(editor).post(reverse("discussion:bulk"), {"action": "approve"})
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def _links(message) -> dict[str, str]:
    text = next(
        p.get_payload(decode=True).decode() for p in message.walk() if p.get_content_type() == "text/plain"
    ).replace("\r\n", "\n")
    return dict(re.findall(r"^(Approve|Spam|Trash): http://[^/]+(\S+)$", text, re.MULTILINE))


def test_moderators_get_an_email_with_signed_links_that_ask_before_acting(
    client: Client, article, editor, smtp_server
) -> None:
    client.post(reverse("discussion:post", args=[article.pk]), form_data())
    comment = Comment.objects.get()
    run_tasks()
    [message] = smtp_server.messages
    assert message["To"] == "edna.editor@example.org"
    assert "nora.newcomer@example.org" not in message.as_string()
    links = _links(message)
    assert set(links) == {"Approve", "Spam", "Trash"}
    page = Client().get(links["Spam"])
    assert page.status_code == 200 and "Mark as spam?" in page.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.PENDING  # a GET never changes anything
    assert Client().post(links["Spam"]).status_code == 200
    comment.refresh_from_db()
    assert comment.status == Status.SPAM
    assert AuditEvent.objects.filter(action="comment.spam", data__via="email-link").exists()


def test_moderation_links_expire_and_cannot_be_forged(article) -> None:
    comment = make_comment(page=article, status=Status.PENDING)
    url = reverse("discussion:moderate-link", args=[tokens.moderation_token(comment.pk, "approve")])
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = Client().post(url)
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert Client().post(url[:-5] + "xxxx/").status_code == 400
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_a_reply_notification_waits_until_both_comments_are_approved(editor, article, smtp_server) -> None:
    parent = make_comment(
        page=article, status=Status.PENDING, notify_replies=True, email="parent@example.org"
    )
    child = reply(parent, status=Status.PENDING, email="child@example.org")
    client = client_for(editor)
    client.post(reverse("discussion:bulk"), {"action": "approve", "ids": [str(child.pk)]})
    assert not OutgoingEmail.objects.filter(key__startswith="comment-reply").exists()
    client.post(reverse("discussion:bulk"), {"action": "approve", "ids": [str(parent.pk)]})
    [notice] = OutgoingEmail.objects.filter(key__startswith="comment-reply")
    assert notice.to == "parent@example.org"
    run_tasks()
    message = next(m for m in smtp_server.messages if "replied" in m["Subject"])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = "".join(str(message["List-Unsubscribe"]).split())
    unsubscribe = header.strip("<>").removeprefix(settings.SITE_URL)
    assert "child@example.org" not in message.as_string()
    # one click from the mail client: a POST with no cookie and no CSRF token
    one_click = Client(enforce_csrf_checks=True).post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    parent.refresh_from_db()
    assert parent.notify_replies is False


def test_no_reply_notification_without_the_opt_in(editor, article) -> None:
    parent = make_comment(page=article, notify_replies=False)
    child = reply(parent, status=Status.PENDING)
    client_for(editor).post(reverse("discussion:bulk"), {"action": "approve", "ids": [str(child.pk)]})
    assert not OutgoingEmail.objects.filter(key__startswith="comment-reply").exists()


def test_the_cms_menu_links_the_queue_for_editors(editor) -> None:
    # The editors' group gets its CMS access from the editorial set-up, as on a real site (the
    # group Wagtail's own migration makes is gone after any transactional test's flush).
    set_up_editorial()
    response = client_for(editor).get("/cms/")
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("discussion:queue") in page


def test_a_reader_who_switched_comment_emails_off_gets_none_while_others_still_do(
    editor, article, patient
) -> None:
    from cosmediclist.accounts.reader import save_preferences

    save_preferences(user=patient, comment_emails=False)
    parent = make_comment(
        page=article, status=Status.PENDING, notify_replies=True, email=patient.email.upper()
    )
    child = reply(parent, status=Status.PENDING, email="child@example.org")
    client_for(editor).post(
        reverse("discussion:bulk"), {"action": "approve", "ids": [str(parent.pk), str(child.pk)]}
    )
    assert not OutgoingEmail.objects.filter(to__iexact=patient.email).exists()
    assert list(OutgoingEmail.objects.values_list("template", "to")) == [
        ("comment_approved", "child@example.org")
    ]
