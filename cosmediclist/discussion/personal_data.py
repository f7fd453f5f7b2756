"""What discussion holds about a reader: their comments (reports carry no account or email)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from cosmediclist.core.personal_data import Holding, NotPersonal, Person, register, stamp
from cosmediclist.discussion.models import Comment, CommentReport
from cosmediclist.discussion.privacy import ERASED_NAME, erase_comments


def comments_of(person: Person) -> QuerySet[Comment]:
    query = Q(pk__in=[])
    if person.user_id is not None:
        query |= Q(user_id=person.user_id)
    for address in person.emails:
        query |= Q(email__iexact=address)
    return Comment.objects.filter(query).exclude(name=ERASED_NAME, email="")


def _export_comment(comment: Comment) -> dict[str, Any]:
    return {
        "page": comment.page.title,
        "posted_at": stamp(comment.created_at),
        "edited_at": stamp(comment.edited_at),
        "status": comment.get_status_display(),
        "name": comment.name,
        "email": comment.email,
        "website": comment.website,
        "text": comment.body,
        "notify_replies": comment.notify_replies,
    }


def _reports_of(person: Person) -> QuerySet[CommentReport]:
    # A report keeps only a keyed hash of the address it came from: nothing links it to a person.
    return CommentReport.objects.none()


register(
    [
        Holding(
            model="discussion.comment",
            section="Comments",
            description="Comments you posted, with the name, email and website you gave.",
            find=lambda person: comments_of(person).select_related("page"),
            export=_export_comment,
            erase=erase_comments,
            claim=lambda user: Comment.objects.filter(email__iexact=user.email, user__isnull=True).update(
                user=user
            ),
            claimed_as="comments",
            order=30,
            kept="While published; the keyed hash of your address goes after COMMENT_IP_RETENTION_DAYS",
            erasure="Your name, email, website and words are erased; replies by others stay.",
        ),
        Holding(
            model="discussion.commentreport",
            section="Comment reports",
            description="Reports that a comment breaks the rules: a reason and a keyed hash of the address.",
            find=_reports_of,
            export=lambda report: {"reason": report.reason, "reported_at": stamp(report.created_at)},
            erase=lambda rows: int(rows.delete()[0]),
            order=30,
            retention="COMMENT_IP_RETENTION_DAYS",
            erasure="Not linked to a person; deleted on schedule.",
        ),
    ],
    not_personal=[
        NotPersonal("discussion.moderationsettings", "Site rules written by administrators."),
    ],
)
