"""Every change made in the Django admin becomes an audit event (``admin.added/changed/deleted``).

The admin writes a ``LogEntry`` for each object it adds, changes or deletes: one saved row (which
``post_save`` sees), except when the "delete selected" action removes several objects at once,
which Django writes with ``bulk_create`` (no signal). That action is replaced site-wide by one that
records those deletions itself, so every path is covered once.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db.models import Model, QuerySet
from django.db.models.signals import post_save
from django.http import HttpRequest, HttpResponse

from cosmediclist.core import audit

ACTIONS = {ADDITION: "admin.added", CHANGE: "admin.changed", DELETION: "admin.deleted"}


def _changed_fields(change_message: str) -> str:
    """The names of the fields a change touched (names only: never the values typed)."""
    try:
        parts = json.loads(change_message or "[]")
    except ValueError:
        return ""
    names: list[str] = []
    for part in parts if isinstance(parts, list) else []:
        for detail in part.values() if isinstance(part, dict) else []:
            if isinstance(detail, dict):
                names.extend(str(name) for name in detail.get("fields", []))
    return ", ".join(names)


def record_log_entry(*, sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created or instance.action_flag not in ACTIONS:
        return
    content_type = instance.content_type
    audit.record(
        actor=instance.user,
        action=ACTIONS[instance.action_flag],
        data={
            "object_type": f"{content_type.app_label}.{content_type.model}" if content_type else "",
            "object_id": str(instance.object_id or ""),
            "fields": _changed_fields(instance.change_message),
        },
    )


def audited_delete_selected(
    modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Model]
) -> HttpResponse | None:
    """Django's "delete selected", recording the deletions Django logs in bulk (two or more)."""
    label = queryset.model._meta.label_lower
    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    response = delete_selected(modeladmin, request, queryset)
    confirmed = request.POST.get("post") and response is None
    if confirmed and len(ids) > 1 and not queryset.model._default_manager.filter(pk__in=ids).exists():
        for object_id in ids:
            audit.record(
                actor=request.user,
                action="admin.deleted",
                data={"object_type": label, "object_id": object_id, "fields": ""},
            )
    return response


audited_delete_selected.short_description = delete_selected.short_description  # type: ignore[attr-defined]
audited_delete_selected.allowed_permissions = ("delete",)  # type: ignore[attr-defined]


def connect() -> None:
    post_save.connect(record_log_entry, sender=LogEntry, dispatch_uid="core-audit-admin-log-entry")
    admin.site.add_action(audited_delete_selected, "delete_selected")
