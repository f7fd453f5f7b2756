"""Queue, render and deliver email through the outbox."""

from __future__ import annotations

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

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=10)
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
    from cosmediclist.notifications.tasks import deliver_email

    with transaction.atomic():
        email, created = OutgoingEmail.objects.get_or_create(
            key=key,
            defaults={"template": template, "to": to, "context": context, "headers": headers or {}},
        )
        if created:
            deliver_email.enqueue(email.pk)
    return email


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
        headers=dict(email.headers),
    )
    message.attach_alternative(render_to_string(html_name, context), "text/html")
    for attachment in email.context.get("_attachments", []):
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30 * 2 ** (attempts - 1)), MAX_BACKOFF)


def deliver(*, email_id: int) -> str:
    """Send one queued message; returns what happened ("sent", "retry", "failed", "skipped").

    1. Claims the row (queued and due → sending) in its own short transaction, so two
       workers never send the same row.
    2. Sends outside any transaction.
    3. Marks it sent; on an SMTP or network error, counts the attempt and enqueues a
       retry with exponential backoff, or marks it failed after EMAIL_MAX_ATTEMPTS.
    """
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED)
        .exclude(next_attempt_at__gt=now)
        .update(status=OutgoingEmail.Status.SENDING, claimed_at=now)
    )
    if not claimed:
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        render_email(email).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        return _schedule_retry(email, error)
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), attempts=email.attempts + 1
    )
    return "sent"


def _schedule_retry(email: OutgoingEmail, error: Exception) -> str:
    from cosmediclist.notifications.tasks import deliver_email

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

    A row left "sending" for STALE_AFTER goes back to the queue with a new job; a queued row
    overdue by STALE_AFTER gets a new job. Claiming is atomic, so an extra job is harmless.
    """
    from cosmediclist.notifications.tasks import deliver_email

    cutoff = timezone.now() - STALE_AFTER
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
