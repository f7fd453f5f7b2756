"""Queue, render and deliver email through the outbox."""

from __future__ import annotations

import hashlib
import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template import engines
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from cosmediclist.notifications.models import OutgoingEmail
from cosmediclist.notifications.tasks import deliver_email

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)


def _template_names(template: str) -> tuple[str, str, str]:
    return (
        f"emails/{template}.subject.txt",
        f"emails/{template}.txt",
        f"emails/{template}.html",
    )


def queue_email(
    *,
    key: str,
    template: str,
    to: str,
    context: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Store a message under ``key`` and enqueue its delivery, in the caller's transaction.

    Guarantees at most one row per key: queueing the same key again returns the first
    row and enqueues nothing, so a double submit or a retried job sends once. The
    context must be JSON (ids, names, links), never health answers.
    """
    for name in _template_names(template):
        get_template(name)  # fail now, in the caller's transaction, if a part is missing
    with transaction.atomic():
        email, created = OutgoingEmail.objects.get_or_create(
            key=key,
            defaults={"template": template, "to": to, "context": context, "headers": headers or {}},
        )
        if created:
            deliver_email.enqueue(email.pk)
    return email


def _stale_after() -> timedelta:
    return timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS)


def message_id(email: OutgoingEmail) -> str:
    """The message's Message-ID, the same at every attempt: a message sent twice (its worker was
    killed after the server took it, before the outbox recorded it) is one message to the reader."""
    digest = hashlib.sha256(f"{email.pk}:{email.key}".encode()).hexdigest()[:24]
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"
    return f"<outbox.{email.pk}.{digest}@{domain}>"


def render_email(email: OutgoingEmail) -> EmailMultiAlternatives:
    subject_name, text_name, html_name = _template_names(email.template)
    context = {**email.context, "site_url": settings.SITE_URL}
    text_engine = engines["text"]
    subject = " ".join(text_engine.get_template(subject_name).render(context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text_engine.get_template(text_name).render(context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Message-ID": message_id(email), **email.headers},
    )
    message.attach_alternative(render_to_string(html_name, context), "text/html")
    for attachment in email.context.get("_attachments", []):
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


# How many waiting messages one successful retry makes due at once (the rest follow with the next).
BACKLOG_BATCH = 1000


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (attempts - 1)), MAX_BACKOFF)


def deliver(*, email_id: int) -> str:
    """Send one queued message; returns what happened ("sent", "retry", "failed", "skipped").

    1. Claims the row (queued and due → sending) in its own short transaction, so two
       workers never send the same row. A row left "sending" longer than
       EMAIL_SEND_LEASE_SECONDS (its worker was killed) is claimed again; one "sending" for
       less is someone else's send in progress: this job comes back when that lease ends.
    2. Sends outside any transaction.
    3. Marks it sent; on an SMTP or network error, counts the attempt and enqueues a
       retry with exponential backoff, or marks it failed after EMAIL_MAX_ATTEMPTS.
    """
    now = timezone.now()
    due = Q(status=OutgoingEmail.Status.QUEUED) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    abandoned = Q(status=OutgoingEmail.Status.SENDING, claimed_at__lt=now - _stale_after())
    claimed = OutgoingEmail.objects.filter(due | abandoned, pk=email_id).update(
        status=OutgoingEmail.Status.SENDING, claimed_at=now
    )
    if not claimed:
        sending = OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.SENDING).first()
        if sending is not None and sending.claimed_at is not None:
            deliver_email.using(run_after=sending.claimed_at + _stale_after()).enqueue(email_id)
            return "busy"
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        render_email(email).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        return _schedule_retry(email, error)
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), attempts=email.attempts + 1
    )
    if email.attempts:
        _release_backlog()
    return "sent"


def _release_backlog() -> None:
    """A message that had failed went out: the mail server takes mail again, so the messages
    still waiting out a back-off after a failed attempt are due now, not minutes later (as a
    mail server flushes its deferred queue when the next hop answers again)."""
    now = timezone.now()
    waiting = list(
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.QUEUED, attempts__gt=0, next_attempt_at__gt=now
        ).values_list("pk", flat=True)[:BACKLOG_BATCH]
    )
    if not waiting:
        return
    OutgoingEmail.objects.filter(pk__in=waiting, status=OutgoingEmail.Status.QUEUED).update(
        next_attempt_at=now
    )
    for pk in waiting:
        deliver_email.enqueue(pk)


def _schedule_retry(email: OutgoingEmail, error: Exception) -> str:
    attempts = email.attempts + 1
    # The class name only: SMTP error texts can echo the recipient's address.
    logger.warning("email %s delivery attempt %s failed: %s", email.pk, attempts, type(error).__name__)
    with transaction.atomic():
        if attempts >= settings.EMAIL_MAX_ATTEMPTS:
            OutgoingEmail.objects.filter(pk=email.pk).update(
                status=OutgoingEmail.Status.FAILED, attempts=attempts, last_error=type(error).__name__
            )
            return "failed"
        next_at = timezone.now() + _backoff(attempts)
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=OutgoingEmail.Status.QUEUED,
            attempts=attempts,
            next_attempt_at=next_at,
            last_error=type(error).__name__,
        )
        deliver_email.using(run_after=next_at).enqueue(email.pk)
    return "retry"


def requeue_stalled() -> int:
    """Periodic: give back rows whose worker died mid-send or whose job was lost.

    A row left "sending" for EMAIL_SEND_LEASE_SECONDS goes back to the queue with a new job; a
    queued row overdue by as long gets a new job. Claiming is atomic, so an extra job is harmless.
    """
    cutoff = timezone.now() - _stale_after()
    count = 0
    with transaction.atomic():
        stalled = list(
            OutgoingEmail.objects.filter(
                status=OutgoingEmail.Status.SENDING, claimed_at__lt=cutoff
            ).values_list("pk", flat=True)
        )
        OutgoingEmail.objects.filter(pk__in=stalled).update(status=OutgoingEmail.Status.QUEUED)
        overdue = list(
            OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED, created_at__lt=cutoff)
            .exclude(next_attempt_at__gt=cutoff)
            .exclude(pk__in=stalled)
            .values_list("pk", flat=True)
        )
        for pk in [*stalled, *overdue]:
            deliver_email.enqueue(pk)
            count += 1
    return count


def forget_emails(*, addresses: Iterable[str] = (), key_prefixes: Iterable[str] = ()) -> int:
    """Delete outbox rows sent to ``addresses`` or keyed under ``key_prefixes`` (erasure); returns how many.

    A deleted key may be queued again later, but every caller erases what the key was about first.
    """
    query = Q(pk__in=[])
    for address in addresses:
        query |= Q(to__iexact=address)
    for prefix in key_prefixes:
        query |= Q(key__startswith=prefix)
    return int(OutgoingEmail.objects.filter(query).delete()[0])
