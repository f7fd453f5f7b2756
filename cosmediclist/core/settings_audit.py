"""Site settings changed in the CMS become audit events, with each changed field's old and new value.

A Wagtail setting (``BaseGenericSetting``) marked with :func:`audited_setting` is saved from its
CMS page (Settings → …) through ``AuditedSettingEdit`` (registered in ``core/wagtail_hooks.py``),
which calls :func:`record_change` here. The event names the fields that changed, each as
"old -> new"; free-text fields (word lists) are given as a count of entries, never their words.
Settings hold site rules and periods, nothing about a person.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models

M = TypeVar("M", bound=type[models.Model])

_audited: dict[type[models.Model], str] = {}


def audited_setting(action: str) -> Callable[[M], M]:
    """Class decorator: saving this setting in the CMS records ``action`` (declared in audit_actions.py)."""

    def mark(model: M) -> M:
        _audited[model] = action
        return model

    return mark


def audited_models() -> list[type[models.Model]]:
    return list(_audited)


def values_of(instance: models.Model) -> dict[str, Any]:
    """The stored value of each editable field (what the CMS form can change)."""
    return {
        field.name: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.editable and not field.primary_key
    }


def _shown(field: models.Field[Any, Any], value: Any) -> str:
    if value is None or value == "":
        return "empty"
    if isinstance(field, models.TextField):
        entries = [line for line in str(value).splitlines() if line.strip()]
        return f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
    return str(value)


def changes(instance: models.Model, before: dict[str, Any]) -> dict[str, str]:
    """``{field: "old -> new"}`` for every field whose value differs from ``before``."""
    after = values_of(instance)
    found: dict[str, str] = {}
    for name, new in after.items():
        old = before.get(name)
        if old != new:
            field = instance._meta.get_field(name)
            if isinstance(field, models.Field):  # always: values_of reads concrete fields only
                found[name] = f"{_shown(field, old)} -> {_shown(field, new)}"
    return found


def record_change(
    *, actor: AbstractBaseUser | AnonymousUser | None, instance: models.Model, before: dict[str, Any]
) -> bool:
    """Record the setting's change (when a field changed); says whether an event was recorded."""
    from cosmediclist.core import audit  # core.models imports this module: no cycle at start-up

    action = _audited[type(instance)]
    changed = changes(instance, before)
    if not changed:
        return False
    audit.record(actor=actor, action=action, obj=instance, data=changed)
    return True
