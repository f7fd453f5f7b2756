"""The email outbox: every message the site sends is a row here first."""

from __future__ import annotations

from django.db import models

from cosmediclist.core.models import TimeStampedModel


class OutgoingEmailQuerySet(models.QuerySet["OutgoingEmail"]):
    def to_address(self, address: str) -> OutgoingEmailQuerySet:
        return self.filter(to__iexact=address)


class OutgoingEmail(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=200, unique=True, help_text="One message per key, ever.")
    template = models.CharField(max_length=100)
    to = models.EmailField()
    context = models.JSONField(default=dict, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.template} [{self.status}] #{self.pk}"
