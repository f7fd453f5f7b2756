"""Messages from readers: the contact form, errors reported in guides, reports about clinics."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    CONTACT = "contact", "Message to the team"
    GUIDE_ERROR = "guide_error", "Error reported in a guide"
    CLINIC_REPORT = "clinic_report", "Report about a clinic"


class Status(models.TextChoices):
    NEW = "new", "New"
    HANDLED = "handled", "Handled"
    SPAM = "spam", "Spam"


class Message(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True, help_text="Given by the reader for a reply; never shown publicly.")
    body = models.TextField(max_length=5000)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    clinic = models.ForeignKey(
        "directory.Clinic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "status", "created_at"])]

    def __str__(self) -> str:
        about = self.page or self.clinic
        return f"{self.get_kind_display()}{f': {about}' if about else ''}"
