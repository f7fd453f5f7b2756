"""What a reader's own pages need: one-time sign-in links, email switches and the secret calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SignInLink(models.Model):
    """A one-time sign-in link sent by email; only a hash of its token is stored."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "accounts"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Sign-in link {self.pk}"


class EmailPreferences(models.Model):
    """One switch per kind of email the site sends a reader; every switch starts on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    plan_reminders = models.BooleanField(
        "Treatment plan reminders", default=True, help_text="Before and after each session, and maintenance."
    )
    review_emails = models.BooleanField(
        "Review invitations and check-ins",
        default=True,
        help_text="After a treatment: the invitation to review the clinic, and the 3, 6 and 12 month check-ins.",
    )
    comment_emails = models.BooleanField(
        "Comment emails", default=True, help_text="When a comment is published, or someone replies."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "accounts"
        verbose_name_plural = "email preferences"

    def __str__(self) -> str:
        return f"Email preferences of user {self.user_id}"


class CalendarFeed(models.Model):
    """A secret iCal address for the reader's plan sessions; revoking deletes it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "accounts"

    def __str__(self) -> str:
        return f"Calendar feed of user {self.user_id}"
