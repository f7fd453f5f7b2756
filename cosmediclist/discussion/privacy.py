"""Erasing a reader's comments at their request: the thread stays, their words and details go."""

from __future__ import annotations

from django.db.models import QuerySet

from cosmediclist.core import audit
from cosmediclist.discussion.models import Comment
from cosmediclist.notifications.services import forget_emails

ERASED_NAME = "Former reader"
ERASED_BODY = "This comment was erased at its author's request."


def erase_comments(comments: QuerySet[Comment]) -> int:
    """Blank each comment's name, email, website, text and keyed hashes, unlink the account.

    Replies by other people stay in place under the erased comment. Emails queued about the
    comment (held for moderation, approved, a reply) are deleted too. One audit event each.
    """
    erased = 0
    for comment in comments.select_for_update():
        forget_emails(
            key_prefixes=[
                f"comment-held:{comment.pk}:",
                f"comment-approved:{comment.pk}",
                f"comment-reply:{comment.pk}",
            ]
        )
        comment.name, comment.body = ERASED_NAME, ERASED_BODY
        comment.email = comment.website = comment.ip_hash = comment.author_token_hash = ""
        comment.user = None
        comment.notify_replies = False
        comment.save()
        audit.record(actor=None, action="comment.erased", obj=comment, data={"comment_id": comment.pk})
        erased += 1
    return erased
