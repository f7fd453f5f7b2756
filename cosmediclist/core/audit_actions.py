"""What the audit log records about changes made in the Django admin (any model: type and id in data)."""

from cosmediclist.core.audit import ActionType, register

register(
    [
        ActionType("admin.added", "Object added in the Django admin"),
        ActionType("admin.changed", "Object changed in the Django admin"),
        ActionType("admin.deleted", "Object deleted in the Django admin"),
    ]
)

register(
    [
        ActionType(
            "settings.retention_changed",
            "Retention periods changed in the CMS (each field: old -> new)",
            ("core.retentionsettings",),
        ),
    ]
)
