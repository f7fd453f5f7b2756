"""The audit log in the admin: read-only, filtered by actor, object, action and date."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from cosmediclist.core import audit
from cosmediclist.core.models import AuditEvent


class ActionFilter(admin.SimpleListFilter):
    title = "action"
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(action_type.name, action_type.description) for action_type in audit.action_types()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        value = self.value()
        return queryset.filter(action=value) if value else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("created_at", "actor", "description", "object_type", "object_id", "clinic_id")
    list_filter = (
        ActionFilter,
        ("actor", admin.RelatedOnlyFieldListFilter),
        "object_type",
        ("created_at", admin.DateFieldListFilter),
    )
    search_fields = ("object_id", "actor__email", "action")
    date_hierarchy = "created_at"
    list_select_related = ("actor",)
    readonly_fields = ("created_at", "actor", "action", "object_type", "object_id", "clinic_id", "data")
    show_full_result_count = False

    @admin.display(description="What happened", ordering="action")
    def description(self, event: AuditEvent) -> str:
        return audit.describe(event.action)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
