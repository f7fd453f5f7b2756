"""The outbox: stored with the caller's data, sent once per key, retried until delivered."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import free_port, run_tasks
from cosmediclist.notifications import services
from cosmediclist.notifications.models import OutgoingEmail


def queue(key: str = "greeting:1", name: str = "Rosa <b>") -> OutgoingEmail:
    return services.queue_email(
        key=key, template="test_message", to="rosa@example.org", context={"name": name}
    )


def test_queued_email_is_sent_as_text_and_html(db, smtp_server) -> None:
    queue()
    run_tasks()
    [message] = smtp_server.messages
    assert message["Subject"] == "A message for Rosa <b>"
    text, html = message.get_payload()
    assert text.get_content_type() == "text/plain"
    assert "plain-text part" in text.get_payload(decode=True).decode()
    assert html.get_content_type() == "text/html"
    assert "<strong>Rosa &lt;b&gt;</strong>" in html.get_payload(decode=True).decode()
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_the_same_key_sends_once(db, smtp_server) -> None:
    first = queue()
    again = queue()
    assert first.pk == again.pk
    run_tasks()
    run_tasks()
    assert len(smtp_server.messages) == 1
    assert DBTaskResult.objects.count() == 1


def test_a_rolled_back_transaction_leaves_neither_row_nor_job(db) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the caller failed after queueing")
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_failed_send_is_retried_with_backoff_and_not_lost(db, settings, smtp_server) -> None:
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there: connection refused
    queue()
    run_tasks()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, email.last_error) == ("queued", 1, "ConnectionRefusedError")
    assert email.next_attempt_at is not None
    assert email.next_attempt_at > timezone.now()
    run_tasks()  # the retry is not due yet
    assert smtp_server.messages == []
    settings.EMAIL_PORT = real_port
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_tasks()
    assert len(smtp_server.messages) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 2)


def test_after_the_last_attempt_the_email_is_marked_failed(db, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_MAX_ATTEMPTS = 2
    queue()
    run_tasks()
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        run_tasks()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == ("failed", 2)


def test_a_row_left_sending_by_a_dead_worker_is_requeued(db, smtp_server) -> None:
    email = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=timezone.now())
    DBTaskResult.objects.all().delete()  # the worker died with its job
    assert services.requeue_stalled() == 0  # not stale yet
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert services.requeue_stalled() == 1
        run_tasks()
    assert len(smtp_server.messages) == 1


def test_a_missing_template_fails_at_queue_time(db) -> None:
    from django.template import TemplateDoesNotExist

    with pytest.raises(TemplateDoesNotExist):
        services.queue_email(key="k", template="no_such_email", to="a@example.org", context={})
