"""Settings saved in the CMS go through an edit action that records the change in the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models
from wagtail import hooks
from wagtail.actions import ActionRegistry, EditAction

from cosmediclist.core import settings_audit


class AuditedSettingEdit(EditAction):  # type: ignore[misc]
    """Wagtail's own edit (form save, its history entry), then one audit event: old -> new."""

    def execute(self, skip_permission_checks: bool = False) -> models.Model:
        instance: models.Model = self.instance
        # The form has already written the new values onto ``instance``: read the stored ones.
        stored = type(instance)._default_manager.get(pk=instance.pk)
        before: dict[str, Any] = settings_audit.values_of(stored)
        saved: models.Model = super().execute(skip_permission_checks=skip_permission_checks)
        settings_audit.record_change(actor=self.user, instance=saved, before=before)
        return saved


@hooks.register("register_actions")  # type: ignore[untyped-decorator]
def audited_settings(registry: ActionRegistry) -> None:
    for model in settings_audit.audited_models():
        registry.register(model, AuditedSettingEdit)
