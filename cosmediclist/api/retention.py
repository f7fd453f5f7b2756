"""Periodic: forget expired idempotency keys and old webhook deliveries."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cosmediclist.api.models import IdempotencyRecord, WebhookDelivery
from cosmediclist.core.retention import retention_days


def purge() -> dict[str, int]:
    """Delete idempotency records past their expiry and deliveries older than the log's retention."""
    now = timezone.now()
    keys = IdempotencyRecord.objects.filter(expires_at__lte=now).delete()[0]
    cutoff = now - timedelta(days=retention_days("WEBHOOK_LOG_RETENTION_DAYS"))
    deliveries = WebhookDelivery.objects.filter(created_at__lt=cutoff).delete()[0]
    return {"idempotency_keys": keys, "webhook_deliveries": deliveries}
