"""What the audit log records about comments and their moderation."""

from cosmediclist.core.audit import ActionType, register

COMMENT = ("discussion.comment",)
PAGES = ("wagtailcore.page", "editorial.articlepage", "editorial.treatmentguidepage")

register(
    [
        ActionType("comment.posted", "Comment posted", COMMENT),
        ActionType("comment.approve", "Comment approved by a moderator", COMMENT),
        ActionType("comment.unapprove", "Comment sent back to the queue", COMMENT),
        ActionType("comment.spam", "Comment marked as spam", COMMENT),
        ActionType("comment.trash", "Comment moved to the bin", COMMENT),
        ActionType("comment.edited", "Comment edited by its author", COMMENT),
        ActionType("comment.deleted-by-author", "Comment deleted by its author", COMMENT),
        ActionType("comment.erased", "Comment erased at its author's request", COMMENT),
        ActionType("comment.reported", "Comment reported by a reader", COMMENT),
        ActionType("comment.page-closed", "Comments closed on a page", PAGES),
        ActionType("comment.page-opened", "Comments reopened on a page", PAGES),
        ActionType("comment.unsubscribed", "Reply notifications stopped for a comment"),
        ActionType(
            "comment.rules_changed",
            "Comment moderation rules changed in the CMS (each field: old -> new)",
            ("discussion.moderationsettings",),
        ),
    ]
)
