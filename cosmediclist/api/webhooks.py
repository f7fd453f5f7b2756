"""Webhooks for clinics: endpoints, events, and their signed delivery through the task queue.

Each message follows Standard Webhooks: a JSON body ``{"type", "timestamp", "data"}`` and the
``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` headers, signed with the
``standardwebhooks`` library (HMAC-SHA256 over ``id.timestamp.body``), so a receiver verifies it
with the same library in any language. Payloads hold references, slugs and statuses: never a
health answer, a name or an email address.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import logging
import secrets
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook

from cosmediclist.api.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from cosmediclist.api.switch_off import switch_off
from cosmediclist.api.tasks import deliver_webhook
from cosmediclist.consultations import signals as consultation_signals
from cosmediclist.core import audit
from cosmediclist.reviews import signals as review_signals

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10
MAX_BACKOFF = timedelta(hours=6)
STALE_AFTER = timedelta(minutes=10)
USER_AGENT = "CosMedicList-Webhooks/1"


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    allowed = ("https", "http") if settings.WEBHOOK_ALLOW_LOCAL else ("https",)
    if parts.scheme not in allowed or not parts.hostname:
        raise ValidationError({"url": "Give a full https:// address of your own system."})
    if len(url) > 500:
        raise ValidationError({"url": "Use an address of at most 500 characters."})


def create_endpoint(
    *, actor: Any, clinic: Any, url: str, events: Sequence[str]
) -> tuple[WebhookEndpoint, str]:
    """Add an endpoint for ``clinic``; returns it with its signing secret, shown to the owner once.

    Raises ValidationError on "url" (https only) or "events" (at least one known event).
    """
    url = url.strip()
    _check_url(url)
    if not events or any(event not in WebhookEvent.values for event in events):
        raise ValidationError({"events": "Choose at least one event."})
    secret = new_secret()
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.create(
            clinic=clinic, url=url, secret=secret, events=sorted(set(events)), created_by=actor
        )
        audit.record(
            actor=actor,
            action="api.webhook_added",
            obj=endpoint,
            clinic_id=clinic.pk,
            data={"id": endpoint.pk},
        )
    return endpoint, secret


def disable_endpoint(*, actor: Any, endpoint: WebhookEndpoint) -> None:
    """Stop sending to an endpoint (safe to repeat); queued deliveries to it are not sent."""
    switch_off(
        actor=actor,
        obj=endpoint,
        field="disabled_at",
        action="api.webhook_disabled",
        data={"id": endpoint.pk},
    )


def queue_event(*, clinic_id: int, event_type: str, data: dict[str, Any]) -> int:
    """Store one delivery per active endpoint of the clinic subscribed to ``event_type`` and enqueue
    it, in the caller's transaction (the event commits or rolls back with its cause). Returns how many.
    """
    count = 0
    now = timezone.now()
    for endpoint in WebhookEndpoint.objects.filter(clinic_id=clinic_id, disabled_at__isnull=True):
        if event_type not in endpoint.events:
            continue
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint,
            message_id="msg_" + secrets.token_urlsafe(18),
            event_type=event_type,
            payload={"type": event_type, "timestamp": now.isoformat(), "data": data},
        )
        deliver_webhook.enqueue(delivery.pk)
        count += 1
    return count


def _request_event(request: Any, event_type: str, **data: Any) -> None:
    """A consultation event: the reference, the clinic and where to read it in the inbox, with ``data``."""
    inbox_url = settings.SITE_URL + reverse("consultations:portal-request", args=[request.reference])
    queue_event(
        clinic_id=request.clinic_id,
        event_type=event_type,
        data={"reference": request.reference, "clinic": request.clinic.slug, **data, "inbox_url": inbox_url},
    )


def request_created(request: Any) -> None:
    """``consultation.created``: reference, treatments and where to read it; never the answers."""
    _request_event(
        request,
        WebhookEvent.REQUEST_CREATED,
        status=request.status,
        treatments=sorted(t.slug for t in request.treatments.all()),
        created_at=request.created_at.isoformat(),
    )


def status_changed(request: Any, *, from_status: str) -> None:
    """``consultation.status_changed``: the two statuses only (never a decline reason)."""
    _request_event(
        request,
        WebhookEvent.STATUS_CHANGED,
        **{"from": from_status, "to": request.status, "changed_at": timezone.now().isoformat()},
    )


def review_published(review: Any) -> None:
    """``review.published``: what the public page shows of the review, without the author."""
    queue_event(
        clinic_id=review.clinic_id,
        event_type=WebhookEvent.REVIEW_PUBLISHED,
        data={
            "review_id": review.pk,
            "clinic": review.clinic.slug,
            "treatment": review.treatment.slug,
            "rating": review.rating,
            "title": review.title,
            "published_at": (review.published_at or timezone.now()).isoformat(),
            "url": settings.SITE_URL + review.clinic.get_absolute_url(),
        },
    )


# The events, as the domain apps announce them (api.apps imports this module at start-up).


@receiver(consultation_signals.request_created, dispatch_uid="api.webhooks.request_created")
def _on_request_created(sender: Any, *, request: Any, **kwargs: Any) -> None:
    request_created(request)


@receiver(consultation_signals.status_changed, dispatch_uid="api.webhooks.status_changed")
def _on_status_changed(sender: Any, *, request: Any, from_status: str, **kwargs: Any) -> None:
    status_changed(request, from_status=from_status)


@receiver(review_signals.review_published, dispatch_uid="api.webhooks.review_published")
def _on_review_published(sender: Any, *, review: Any, **kwargs: Any) -> None:
    review_published(review)


def signed_headers(endpoint: WebhookEndpoint, delivery: WebhookDelivery, body: str) -> dict[str, str]:
    """The Standard Webhooks headers for ``body``, signed now."""
    moment = datetime.fromtimestamp(int(time.time()), tz=UTC)
    signature = Webhook(endpoint.secret).sign(msg_id=delivery.message_id, timestamp=moment, data=body)
    return {
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signature,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect counts as the receiver's answer (3xx): not followed, retried


class BlockedAddress(Exception):
    """The endpoint's host resolves to a loopback, private or reserved address."""


def _check_host(url: str) -> None:
    if settings.WEBHOOK_ALLOW_LOCAL:
        return
    parts = urlsplit(url)
    for info in socket.getaddrinfo(parts.hostname or "", parts.port or 443, proto=socket.IPPROTO_TCP):
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise BlockedAddress(str(parts.hostname))


def _post(url: str, body: str, headers: dict[str, str]) -> int:
    """POST and return the HTTP status; raises OSError (network) or BlockedAddress."""
    _check_host(url)
    opener = urllib.request.build_opener(_NoRedirects)
    outgoing = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")  # noqa: S310 - https (or http when allowed) checked on save
    try:
        with opener.open(outgoing, timeout=TIMEOUT_SECONDS) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30 * 2 ** (attempts - 1)), MAX_BACKOFF)


def deliver(*, delivery_id: int) -> str:
    """Send one delivery; returns "delivered", "retry", "failed" or "skipped".

    1. Claims the row (queued and due → sending) so two workers never send it twice at once.
    2. POSTs outside any transaction, signed at send time; logs the attempt (status or error kind).
    3. A 2xx marks it delivered; anything else is retried with exponential backoff (30 s doubling,
       at most 6 h) until WEBHOOK_MAX_ATTEMPTS, then marked failed. A disabled endpoint is skipped.
    """
    now = timezone.now()
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_id, status=DeliveryStatus.QUEUED)
        .exclude(next_attempt_at__gt=now)
        .update(status=DeliveryStatus.SENDING, claimed_at=now)
    )
    if not claimed:
        return "skipped"
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if endpoint.disabled_at is not None:
        WebhookDelivery.objects.filter(pk=delivery_id).update(status=DeliveryStatus.FAILED)
        return "skipped"
    body = json.dumps(delivery.payload, separators=(",", ":"))
    started = time.monotonic()
    status_code: int | None = None
    error = ""
    try:
        status_code = _post(endpoint.url, body, signed_headers(endpoint, delivery, body))
    except (OSError, BlockedAddress, ValueError) as failure:
        error = type(failure).__name__
    attempts = delivery.attempts + 1
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=attempts,
        status_code=status_code,
        error=error,
        duration_ms=int((time.monotonic() - started) * 1000),
    )
    if status_code is not None and 200 <= status_code < 300:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.DELIVERED, attempts=attempts, delivered_at=timezone.now()
        )
        return "delivered"
    return _schedule_retry(delivery, attempts, error or f"HTTP {status_code}")


def _schedule_retry(delivery: WebhookDelivery, attempts: int, why: str) -> str:
    logger.warning("webhook delivery %s attempt %s failed: %s", delivery.pk, attempts, why)
    with transaction.atomic():
        if attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            WebhookDelivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.FAILED, attempts=attempts
            )
            return "failed"
        next_at = timezone.now() + _backoff(attempts)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.QUEUED, attempts=attempts, next_attempt_at=next_at
        )
        deliver_webhook.using(run_after=next_at).enqueue(delivery.pk)
    return "retry"


def requeue_stalled() -> int:
    """Periodic: a delivery left "sending" by a dead worker goes back to the queue with a new job."""
    cutoff = timezone.now() - STALE_AFTER
    with transaction.atomic():
        stalled = list(
            WebhookDelivery.objects.filter(status=DeliveryStatus.SENDING, claimed_at__lt=cutoff).values_list(
                "pk", flat=True
            )
        )
        WebhookDelivery.objects.filter(pk__in=stalled).update(status=DeliveryStatus.QUEUED)
        for pk in stalled:
            deliver_webhook.enqueue(pk)
    return len(stalled)
