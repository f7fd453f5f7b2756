"""Base models every app builds on, and the append-only audit log."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cosmediclist.core.settings_audit import audited_setting
from cosmediclist.core.settings_forms import RetentionSettingsForm


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")

    def for_object(self, obj: models.Model) -> AuditEventQuerySet:
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


class AuditEvent(models.Model):
    """One thing someone did: who, what, to which object, when. Ids and names only."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    clinic_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    objects: ClassVar[AuditEventQuerySet] = AuditEventQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


# Retention periods: one per kind of personal data, set by administrators in the CMS
# (Settings → Retention periods). An empty field means the server's environment setting of the
# same name applies; ``cosmediclist.core.retention`` is the one place that reads them.

MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650
RETENTION_ENVIRONMENT = {
    "intake_days": "INTAKE_RETENTION_DAYS",
    "request_days": "REQUEST_RETENTION_DAYS",
    "email_days": "EMAIL_RETENTION_DAYS",
    "sign_in_link_days": "SIGN_IN_LINK_RETENTION_DAYS",
    "comment_address_days": "COMMENT_IP_RETENTION_DAYS",
    "feedback_days": "FEEDBACK_RETENTION_DAYS",
    "webhook_log_days": "WEBHOOK_LOG_RETENTION_DAYS",
}


def _days(setting: str, what: str) -> models.PositiveIntegerField[int | None, int | None]:
    return models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_RETENTION_DAYS), MaxValueValidator(MAX_RETENTION_DAYS)],
        help_text=f"Days {what} are kept ({MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS}). "
        f"Leave empty to use the server's setting {setting} (shown greyed in the box).",
    )


@audited_setting("settings.retention_changed")
@register_setting(icon="time")
class RetentionSettings(BaseGenericSetting):  # type: ignore[misc]
    """How long each kind of personal data is kept; read through ``core.retention.retention_days``."""

    # The environment setting each field overrides (used when the field is empty).
    ENVIRONMENT: ClassVar[dict[str, str]] = RETENTION_ENVIRONMENT
    base_form_class = RetentionSettingsForm

    intake_days = _days(
        "INTAKE_RETENTION_DAYS",
        "questionnaire answers, clinic notes and hopes, once a request is closed and no plan is active,",
    )
    request_days = _days(
        "REQUEST_RETENTION_DAYS", "finished consultation requests (then erased, with their plans)"
    )
    email_days = _days("EMAIL_RETENTION_DAYS", "sent or failed emails")
    sign_in_link_days = _days("SIGN_IN_LINK_RETENTION_DAYS", "one-time sign-in links")
    comment_address_days = _days(
        "COMMENT_IP_RETENTION_DAYS", "the keyed address hashes on comments and comment reports"
    )
    feedback_days = _days("FEEDBACK_RETENTION_DAYS", "messages to us")
    webhook_log_days = _days("WEBHOOK_LOG_RETENTION_DAYS", "the partner API's webhook delivery log")

    class Meta:
        verbose_name = "retention periods"
        verbose_name_plural = "retention periods"
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": MIN_RETENTION_DAYS}) | Q(**{f"{name}__isnull": True}),
                name=f"core_retention_{name}_min",
            )
            for name in RETENTION_ENVIRONMENT
        ]

    def __str__(self) -> str:
        return "Retention periods"
