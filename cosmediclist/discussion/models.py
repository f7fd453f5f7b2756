"""Comments on pages, their reports, per-page closing and the moderation settings."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cosmediclist.core.models import TimeStampedModel
from cosmediclist.core.settings_audit import audited_setting

EDIT_WINDOW = timedelta(minutes=15)


class Status(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Approved"
    SPAM = "spam", "Spam"
    TRASH = "trash", "Trash"


class Badge(models.TextChoices):
    NONE = "", "No badge"
    EDITOR = "editor", "Editor"
    CLINICIAN = "clinician", "Registered clinician"


class CommentQuerySet(models.QuerySet["Comment"]):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Status.APPROVED)

    def on_page(self, page_id: int) -> CommentQuerySet:
        return self.filter(page_id=page_id)

    def visible_to(self, author_hash: str) -> CommentQuerySet:
        """Approved comments, plus the held ones written in the browser holding ``author_hash``."""
        own = Q(status=Status.PENDING, author_token_hash=author_hash) if author_hash else Q(pk__in=[])
        return self.filter(Q(status=Status.APPROVED) | own)

    def for_display(self) -> CommentQuerySet:
        # Only what a public page shows: the email address is never even loaded.
        return self.only(
            "id",
            "page_id",
            "parent_id",
            "thread_id",
            "depth",
            "name",
            "website",
            "body",
            "status",
            "badge",
            "author_token_hash",
            "looks_medical",
            "created_at",
            "edited_at",
        )

    def for_queue(self) -> CommentQuerySet:
        return self.select_related("page").defer("email", "author_token_hash")

    def matching(self, query: str) -> CommentQuerySet:
        if not query:
            return self
        return self.filter(
            Q(name__icontains=query)
            | Q(body__icontains=query)
            | Q(website__icontains=query)
            | Q(email__iexact=query)
        )


class Comment(TimeStampedModel):
    """One comment. The email address is private: used for notifications, never shown."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of a reply's thread (empty on a top-level comment), so that a
    # page of threads is fetched in one query whatever their depth.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread_comments"
    )
    depth = models.PositiveSmallIntegerField(default=1, help_text="1 for a top-level comment.")
    name = models.CharField(max_length=80)
    email = models.EmailField(max_length=254)
    website = models.URLField(max_length=300, blank=True)
    body = models.TextField(max_length=5000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    badge = models.CharField(max_length=20, choices=Badge.choices, default=Badge.NONE, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    ip_hash = models.CharField(max_length=64, db_index=True, help_text="Keyed hash; the address is not kept.")
    author_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    notify_replies = models.BooleanField(default=False)
    looks_medical = models.BooleanField(default=False)
    report_count = models.PositiveIntegerField(default=0)
    approved_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["page", "status", "parent"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["ip_hash", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(depth__gte=1), name="discussion_comment_depth_positive"),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="discussion_comment_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True, thread__isnull=True, depth=1)
                | Q(parent__isnull=False, thread__isnull=False, depth__gt=1),
                name="discussion_comment_depth_matches_parent",
            ),
            models.CheckConstraint(
                condition=Q(website="")
                | Q(website__startswith="http://")
                | Q(website__startswith="https://"),
                name="discussion_comment_website_http",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} by {self.name}"

    @property
    def is_approved(self) -> bool:
        return self.status == Status.APPROVED

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"


class CommentReport(models.Model):
    """A reader's report that a comment breaks the rules; one per comment and address."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    ip_hash = models.CharField(max_length=64)
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "ip_hash"], name="discussion_report_once_per_ip")
        ]

    def __str__(self) -> str:
        return f"Report on comment {self.comment_id}"


class PageCommentSettings(models.Model):
    """Per-page switch: comments on this page are closed."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="comment_settings")
    is_closed = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "page comment settings"
        verbose_name_plural = "page comment settings"

    def __str__(self) -> str:
        return f"Comments {'closed' if self.is_closed else 'open'} on page {self.page_id}"


class Approval(models.TextChoices):
    HOLD_ALL = "hold_all", "Hold every comment for moderation"
    KNOWN_AUTHORS = "known_authors", "Publish authors who have an earlier approved comment; hold the rest"
    OPEN = "open", "Publish every comment that passes the other checks"


@audited_setting("comment.rules_changed")
@register_setting(icon="comment")
class ModerationSettings(BaseGenericSetting):  # type: ignore[misc]
    """The comment rules, set by administrators in the CMS (Settings → Comment moderation)."""

    approval = models.CharField(max_length=20, choices=Approval.choices, default=Approval.HOLD_ALL)
    max_links = models.PositiveSmallIntegerField(
        default=2, help_text="Hold a comment with more links than this."
    )
    moderation_words = models.TextField(
        blank=True, help_text="One word or phrase per line: a comment containing one is held."
    )
    disallowed_words = models.TextField(
        blank=True, help_text="One word or phrase per line: a comment containing one goes to spam."
    )
    flood_seconds = models.PositiveSmallIntegerField(
        default=15, help_text="Refuse a second comment from the same address within this many seconds."
    )
    min_fill_seconds = models.PositiveSmallIntegerField(
        default=3, help_text="A form sent back faster than this is treated as a robot."
    )
    posts_per_hour = models.PositiveSmallIntegerField(
        default=10, help_text="Comments allowed per address and hour."
    )
    close_after_days = models.PositiveSmallIntegerField(
        default=0, help_text="Close comments this many days after a page is first published (0: never)."
    )
    max_depth = models.PositiveSmallIntegerField(default=5, help_text="How deep replies may nest.")
    threads_per_page = models.PositiveSmallIntegerField(
        default=20, help_text="Top-level comments per page of comments."
    )

    class Meta:
        verbose_name = "comment moderation"
        constraints = [
            models.CheckConstraint(
                condition=Q(max_depth__gte=1, max_depth__lte=10), name="discussion_settings_depth_range"
            ),
            models.CheckConstraint(condition=Q(threads_per_page__gte=1), name="discussion_settings_per_page"),
        ]

    def __str__(self) -> str:
        return "Comment moderation"

    def word_list(self, field: str) -> list[str]:
        return [w.strip().lower() for w in str(getattr(self, field)).splitlines() if w.strip()]
