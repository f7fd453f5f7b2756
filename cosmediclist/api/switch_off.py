"""What revoking an API key and disabling a webhook endpoint share: switched off once, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from cosmediclist.api.models import ApiKey, WebhookEndpoint
from cosmediclist.core import audit


def switch_off(
    *, actor: Any, obj: ApiKey | WebhookEndpoint, field: str, action: str, data: dict[str, Any]
) -> None:
    """Stamp ``field`` (a nullable date-time) with now and audit ``action``; safe to repeat."""
    if getattr(obj, field) is not None:
        return
    with transaction.atomic():
        setattr(obj, field, timezone.now())
        obj.save(update_fields=[field])
        audit.record(actor=actor, action=action, obj=obj, clinic_id=obj.clinic_id, data=data)
