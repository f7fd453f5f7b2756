"""What the partner API stores: API keys, idempotency records, clinics' webhook endpoints and deliveries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cosmediclist.consultations.crypto import EncryptedTextField


class Scope(models.TextChoices):
    READ = "read", "Read the public catalogue and directory"
    SUBMIT = "submit", "Submit consultation requests"
    INBOX = "inbox", "Read the clinic's own inbox"


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def active(self) -> ApiKeyQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A partner's or a clinic's key. Only a SHA-256 of the secret is kept; the secret is shown once.

    The key reads ``cml_<prefix>_<secret>``: the prefix finds the row, the hash proves the secret.
    """

    name = models.CharField(max_length=100, help_text="Who uses the key, for your own records.")
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    clinic = models.ForeignKey(
        "directory.Clinic",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_keys",
        help_text="The clinic whose inbox the key may read; empty for a partner's key.",
    )
    scopes = models.JSONField(default=list)
    rate_limit_per_minute = models.PositiveIntegerField(default=60)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API key"
        constraints = [
            models.CheckConstraint(
                condition=Q(rate_limit_per_minute__gte=1), name="api_key_rate_limit_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (cml_{self.prefix}_…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


class IdempotencyState(models.TextChoices):
    IN_FLIGHT = "in_flight", "In flight"
    DONE = "done", "Done"


class IdempotencyRecord(models.Model):
    """One ``Idempotency-Key`` used by one caller: the first call's body hash and its stored response.

    The unique (scope, key) pair is what makes ten parallel calls create one request: only one
    insert wins; the others see the row "in flight" (409) or "done" (the stored response).
    """

    scope = models.CharField(max_length=80, help_text='Whose key: "key:<id>" or "user:<id>".')
    key = models.CharField(max_length=255)
    endpoint = models.CharField(max_length=200)
    body_hash = models.CharField(max_length=64)
    state = models.CharField(
        max_length=10, choices=IdempotencyState.choices, default=IdempotencyState.IN_FLIGHT
    )
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now, help_text="When the call holding it began.")
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="api_idempotency_key_once_per_scope"),
            models.CheckConstraint(
                condition=Q(state__in=IdempotencyState.values), name="api_idempotency_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"


class WebhookEvent(models.TextChoices):
    REQUEST_CREATED = "consultation.created", "A consultation request arrived"
    STATUS_CHANGED = "consultation.status_changed", "A request moved to another status"
    REVIEW_PUBLISHED = "review.published", "A review of the clinic was published"


class WebhookEndpoint(models.Model):
    """A URL of a clinic's own system that receives its events, signed with the endpoint's secret.

    The secret signs (HMAC, Standard Webhooks), so it must be readable: it is stored encrypted.
    """

    clinic = models.ForeignKey("directory.Clinic", on_delete=models.CASCADE, related_name="webhook_endpoints")
    url = models.URLField(max_length=500)
    secret = EncryptedTextField()
    events = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    disabled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url

    @property
    def is_active(self) -> bool:
        return self.disabled_at is None


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    """One event for one endpoint: its payload (no health answer, no email address) and its fate."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    message_id = models.CharField(max_length=40, unique=True)
    event_type = models.CharField(max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="api_webhook_delivery_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.message_id}"


class WebhookAttempt(models.Model):
    """One try at delivering: the receiver's HTTP status, or the kind of network error."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField()
    attempted_at = models.DateTimeField(auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=100, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Attempt {self.number} of {self.delivery_id}"

    @property
    def is_success(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
