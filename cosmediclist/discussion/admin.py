from django.contrib import admin

from cosmediclist.discussion.models import Comment, PageCommentSettings


@admin.register(PageCommentSettings)
class PageCommentSettingsAdmin(admin.ModelAdmin[PageCommentSettings]):
    list_display = ("page", "is_closed", "updated_at")
    raw_id_fields = ("page",)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    """Read-only here: moderation happens in the queue, through the services, with an audit trail."""

    list_display = ("pk", "name", "page", "status", "created_at")
    list_filter = ("status",)
    exclude = ("email", "ip_hash", "author_token_hash")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
