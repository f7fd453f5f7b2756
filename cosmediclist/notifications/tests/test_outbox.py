"""The outbox: stored with the caller's data, sent once per key, retried until delivered."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cosmediclist.notifications import services
from cosmediclist.notifications.models import OutgoingEmail
from tests.servers import free_port
from tests.worker import run_tasks


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


def test_a_send_cut_short_by_a_killed_worker_is_sent_again_with_the_same_message_id(db, smtp_server) -> None:
    email = queue()
    run_tasks()
    [first] = smtp_server.messages
    # The worker was killed after the server took the message, before the outbox recorded it:
    # its job is run again (its lease ran out) and finds the row still "sending".
    OutgoingEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=timezone.now())
    assert services.deliver(email_id=email.pk) == "busy"  # within the lease: someone may be sending
    assert len(smtp_server.messages) == 1
    later = timezone.now() + timedelta(seconds=601)
    with time_machine.travel(later):
        run_tasks()  # the job it left for when the lease ends
    assert len(smtp_server.messages) == 2
    second = smtp_server.messages[1]
    assert first["Message-ID"] == second["Message-ID"] == services.message_id(email)
    assert first["Message-ID"].startswith("<outbox.")
    other = queue(key="greeting:2")
    assert services.message_id(other) != services.message_id(email)


def test_retries_wait_email_retry_seconds_then_twice_as_long(db, settings) -> None:
    settings.EMAIL_RETRY_SECONDS = 5
    assert [services._backoff(n).total_seconds() for n in (1, 2, 3)] == [5, 10, 20]


def test_when_mail_works_again_the_messages_waiting_out_a_backoff_go_at_once(
    db, settings, smtp_server
) -> None:
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # the mail server is down: every attempt is refused
    _first, second, third = (queue(key=f"outage:{n}") for n in range(3))
    run_tasks()
    OutgoingEmail.objects.filter(pk__in=[second.pk, third.pk]).update(
        attempts=4,
        next_attempt_at=timezone.now() + timedelta(minutes=40),  # a long back-off by now
    )
    settings.EMAIL_PORT = real_port
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_tasks()  # the first retry is due and goes; the other two follow now, not in 40 minutes
    assert OutgoingEmail.objects.filter(status="sent").count() == 3
    assert len(smtp_server.messages) == 3


def test_a_first_attempt_that_goes_leaves_other_back_offs_alone(db, settings, smtp_server) -> None:
    waiting = queue(key="waiting")
    OutgoingEmail.objects.filter(pk=waiting.pk).update(
        attempts=1, next_attempt_at=timezone.now() + timedelta(minutes=5)
    )
    DBTaskResult.objects.all().delete()
    queue(key="fresh")
    run_tasks()  # a message that never failed tells nothing of the other one's refusal
    waiting.refresh_from_db()
    assert waiting.status == "queued"
    assert len(smtp_server.messages) == 1
