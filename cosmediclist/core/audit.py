"""The one way to write to the audit log, and the vocabulary of what can be recorded in it.

Each app declares its action types in ``<app>/audit_actions.py`` (found at start-up, as the
admin finds ``admin.py``); recording an action nobody declared raises, so a new write path
cannot slip into the log under a name no administrator can read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models

from cosmediclist.core.models import AuditEvent

_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class ActionType:
    """One kind of audited action: its stored name, what it means, and what it may concern.

    ``objects`` lists the model labels (``app_label.modelname``) an event of this type may point
    at; empty means the event concerns no single object (a list viewed, a purge run).
    """

    name: str
    description: str
    objects: tuple[str, ...] = ()


class UnknownAuditAction(LookupError):
    """An action was recorded that no app declared in its ``audit_actions.py``."""


_registry: dict[str, ActionType] = {}


def register(types: Iterable[ActionType]) -> None:
    for action_type in types:
        known = _registry.get(action_type.name)
        if known is not None and known != action_type:
            raise ValueError(f"audit action {action_type.name!r} is declared twice, differently")
        _registry[action_type.name] = action_type


def action_types() -> list[ActionType]:
    return sorted(_registry.values(), key=lambda action_type: action_type.name)


def action_type(name: str) -> ActionType:
    try:
        return _registry[name]
    except KeyError:
        raise UnknownAuditAction(f"audit action {name!r} is not declared in any audit_actions.py") from None


def describe(name: str) -> str:
    """The human description of a stored action name (the name itself for retired actions)."""
    known = _registry.get(name)
    return known.description if known is not None else name


def record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: models.Model | None = None,
    clinic_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event.

    ``action`` must be a declared :class:`ActionType`, and ``obj`` one of the objects it
    concerns; otherwise :class:`UnknownAuditAction` or ``TypeError`` is raised. ``data`` holds
    ids, action names and statuses only: scalar values, never free text that could carry health
    answers or contact details. A non-scalar value raises ``TypeError`` so that a careless caller
    fails in tests rather than leaking.
    """
    declared = action_type(action)
    object_type = obj._meta.label_lower if obj is not None else ""
    if obj is not None and object_type not in declared.objects:
        raise TypeError(f"audit action {action!r} does not concern a {object_type}")
    payload = data or {}
    for key, value in payload.items():
        if not isinstance(value, _SCALARS):
            raise TypeError(f"audit data {key!r} must be a scalar id or name")
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,  # type: ignore[misc]
        action=action,
        object_type=object_type,
        object_id=str(obj.pk) if obj is not None else "",
        clinic_id=clinic_id,
        data=payload,
    )
