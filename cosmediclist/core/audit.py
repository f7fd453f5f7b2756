"""The one way to write to the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models

from cosmediclist.core.models import AuditEvent

_SCALARS = (str, int, float, bool, type(None))


def record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: models.Model | None = None,
    clinic_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event.

    ``data`` holds ids, action names and statuses only: scalar values, never free text
    that could carry health answers or contact details. A non-scalar value raises
    ``TypeError`` so that a careless caller fails in tests rather than leaking.
    """
    payload = data or {}
    for key, value in payload.items():
        if not isinstance(value, _SCALARS):
            raise TypeError(f"audit data {key!r} must be a scalar id or name")
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,  # type: ignore[misc]
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        clinic_id=clinic_id,
        data=payload,
    )
