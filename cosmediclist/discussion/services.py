"""Every write to comments: posting, editing, deleting, reporting, moderating, unsubscribing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cosmediclist.accounts.models import User
from cosmediclist.accounts.reader import wants
from cosmediclist.accounts.roles import EDITORS_GROUP, Role, roles_of
from cosmediclist.core import audit
from cosmediclist.directory.models import Practitioner
from cosmediclist.discussion import rules as checks
from cosmediclist.discussion import tokens
from cosmediclist.discussion.models import (
    EDIT_WINDOW,
    Badge,
    Comment,
    CommentReport,
    ModerationSettings,
    PageCommentSettings,
    Status,
)
from cosmediclist.notifications.services import queue_email

AnyUser = AbstractBaseUser | AnonymousUser | None
REPORTS_TO_HOLD = 3
MODERATION_ACTIONS = {
    "approve": Status.APPROVED,
    "unapprove": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.TRASH,
}


def comments_are_open(*, page: Page, rules: ModerationSettings, closed_flag: bool, now: datetime) -> bool:
    """Open unless closed for this page, or older than the automatic closing age."""
    if closed_flag:
        return False
    published = page.first_published_at
    return not (
        rules.close_after_days and published and now - published > timedelta(days=rules.close_after_days)
    )


def _badge_for(user: AnyUser) -> str:
    """Editors get the editor badge; the clinician badge needs a checked register entry at a verified clinic."""
    if user is None or not user.is_authenticated:
        return Badge.NONE
    if Role.EDITOR in roles_of(user):
        return Badge.EDITOR

    if Practitioner.objects.registered_clinicians().filter(user_id=user.pk).exists():
        return Badge.CLINICIAN
    return Badge.NONE


def _resolve_parent(*, page: Page, parent_id: int | None, rules: ModerationSettings) -> Comment | None:
    if parent_id is None:
        return None
    parent = Comment.objects.filter(pk=parent_id, page_id=page.pk, status=Status.APPROVED).first()
    if parent is None:
        raise ValidationError({"parent": "The comment you are replying to is not available."})
    if parent.depth >= rules.max_depth:
        raise ValidationError({"parent": "Replies cannot be nested any deeper here."})
    return parent


def post_comment(
    *,
    page: Page,
    name: str,
    email: str,
    body: str,
    ip: str,
    author_token: str,
    website: str = "",
    parent_id: int | None = None,
    user: AnyUser = None,
    notify_replies: bool = False,
    rules: ModerationSettings | None = None,
    closed_flag: bool | None = None,
) -> Comment:
    """Store a new comment with the status the moderation rules give it.

    Raises ValidationError naming the field (``parent``, ``website``) or a form-wide one when
    comments are closed or the same address posted within the flood interval. In one
    transaction: the comment, its audit event and the emails it causes (moderators for a held
    comment, the parent's author for an approved reply).
    """
    rules = rules or ModerationSettings.load()
    now = timezone.now()
    if closed_flag is None:
        closed_flag = PageCommentSettings.objects.filter(page_id=page.pk, is_closed=True).exists()
    if not comments_are_open(page=page, rules=rules, closed_flag=closed_flag, now=now):
        raise ValidationError({NON_FIELD_ERRORS: "Comments are closed on this page."})
    if website and not website.lower().startswith(("http://", "https://")):
        raise ValidationError({"website": "Only web addresses starting with http:// or https:// are kept."})
    hashed_ip = tokens.ip_hash(ip)
    is_editor = user is not None and user.is_authenticated and Role.EDITOR in roles_of(user)
    with transaction.atomic():
        parent = _resolve_parent(page=page, parent_id=parent_id, rules=rules)
        since = now - timedelta(seconds=rules.flood_seconds)
        if rules.flood_seconds and Comment.objects.filter(ip_hash=hashed_ip, created_at__gte=since).exists():
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: "You are commenting too quickly. Please wait a few seconds and send it again."
                }
            )
        known = rules.approval == "known_authors" and (
            Comment.objects.approved().filter(email__iexact=email).exists()
        )
        verdict = checks.judge(
            rules=rules,
            name=name,
            email=email,
            website=website,
            body=body,
            has_approved_before=known,
            is_editor=is_editor,
        )
        comment = Comment.objects.create(
            page_id=page.pk,
            parent=parent,
            thread_id=(parent.thread_id or parent.pk) if parent else None,
            depth=parent.depth + 1 if parent else 1,
            name=name,
            email=email,
            website=website,
            body=body,
            status=verdict.status,
            approved_at=now if verdict.status == Status.APPROVED else None,
            badge=_badge_for(user),
            user=user if user is not None and user.is_authenticated else None,  # type: ignore[misc]
            ip_hash=hashed_ip,
            author_token_hash=tokens.keyed_hash(author_token, purpose="comment-author"),
            notify_replies=notify_replies,
            looks_medical=checks.looks_like_medical_question(body),
        )
        audit.record(
            actor=user,
            action="comment.posted",
            obj=comment,
            data={"page_id": page.pk, "status": comment.status, "reason": verdict.reason},
        )
        if comment.status == Status.PENDING:
            _tell_moderators(comment, page_title=page.title)
        elif comment.status == Status.APPROVED:
            _notify_reply(comment, parent=parent, page_title=page.title)
    return comment


def _permalink(comment: Comment) -> str:
    return reverse("discussion:permalink", args=[comment.pk])


def _email_context(comment: Comment, page_title: str) -> dict[str, Any]:
    return {
        "comment_id": comment.pk,
        "page_title": page_title,
        "name": comment.name,
        "website": comment.website,
        "body": comment.body,
        "permalink": _permalink(comment),
    }


def moderators() -> Iterable[tuple[int, str]]:

    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=EDITORS_GROUP))
        .distinct()
        .values_list("pk", "email")
    )


def _tell_moderators(comment: Comment, *, page_title: str) -> None:
    links = {
        action: reverse("discussion:moderate-link", args=[tokens.moderation_token(comment.pk, action)])
        for action in ("approve", "spam", "trash")
    }
    context = {**_email_context(comment, page_title), "links": links, "queue": reverse("discussion:queue")}
    for user_id, address in moderators():
        queue_email(
            key=f"comment-held:{comment.pk}:{user_id}", template="comment_held", to=address, context=context
        )


def _notify_reply(reply: Comment, *, parent: Comment | None, page_title: str) -> None:
    """Tell the parent's author about an approved reply, once, if they asked and both are approved."""
    if parent is None or not (parent.notify_replies and parent.is_approved and reply.is_approved):
        return
    if parent.email.lower() == reply.email.lower() or not wants(parent.email, "comment_emails"):
        return
    unsubscribe = reverse("discussion:unsubscribe", args=[tokens.unsubscribe_token(parent.pk)])
    queue_email(
        key=f"comment-reply:{reply.pk}",
        template="comment_reply",
        to=parent.email,
        context={**_email_context(reply, page_title), "parent_name": parent.name, "unsubscribe": unsubscribe},
        headers={
            "List-Unsubscribe": f"<{settings.SITE_URL}{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _after_approval(comment: Comment, *, previous: str) -> None:
    page_title = comment.page.title
    if previous != Status.APPROVED and wants(comment.email, "comment_emails"):
        queue_email(
            key=f"comment-approved:{comment.pk}",
            template="comment_approved",
            to=comment.email,
            context=_email_context(comment, page_title),
        )
    _notify_reply(comment, parent=comment.parent, page_title=page_title)
    for reply in comment.replies.approved():
        _notify_reply(reply, parent=comment, page_title=page_title)


def moderate(*, comment_ids: Iterable[int], action: str, actor: AnyUser, via: str = "queue") -> int:
    """Move comments to the status ``action`` names; returns how many changed.

    Each change is audited (with ``via``: the queue or a signed email link). Approving a
    held comment tells its author, and sends the reply notifications that were waiting for
    both comments to be approved.
    """
    if action not in MODERATION_ACTIONS:
        raise ValidationError({"action": "Choose an action."})
    status = MODERATION_ACTIONS[action]
    changed = 0
    with transaction.atomic():
        comments = Comment.objects.select_for_update().filter(pk__in=list(comment_ids)).select_related("page")
        for comment in comments:
            previous = comment.status
            if previous == status:
                continue
            comment.status = status
            if status == Status.APPROVED:
                comment.approved_at = timezone.now()
            comment.save(update_fields=["status", "approved_at", "updated_at"])
            audit.record(
                actor=actor,
                action=f"comment.{action}",
                obj=comment,
                data={"from": previous, "to": status, "via": via},
            )
            if status == Status.APPROVED:
                _after_approval(comment, previous=previous)
            changed += 1
    return changed


def _own_and_recent(comment: Comment, *, author_hash: str) -> None:
    if not author_hash or comment.author_token_hash != author_hash:
        raise ValidationError(
            {NON_FIELD_ERRORS: "Only the author can change this comment, from the same browser."}
        )
    if timezone.now() - comment.created_at > EDIT_WINDOW:
        raise ValidationError(
            {NON_FIELD_ERRORS: "Comments can be changed only within 15 minutes of posting."}
        )
    if comment.status not in (Status.PENDING, Status.APPROVED):
        raise ValidationError({NON_FIELD_ERRORS: "This comment can no longer be changed."})


def edit_comment(*, comment: Comment, author_hash: str, body: str) -> Comment:
    """The author changes their text within 15 minutes; the rules run again on the new text."""
    _own_and_recent(comment, author_hash=author_hash)
    rules = ModerationSettings.load()
    verdict = checks.judge(
        rules=rules,
        name=comment.name,
        email=comment.email,
        website=comment.website,
        body=body,
        has_approved_before=True,
    )
    with transaction.atomic():
        previous = comment.status
        if verdict.status in (Status.SPAM, Status.PENDING) and verdict.reason != "held":
            comment.status = verdict.status
        comment.body = body
        comment.looks_medical = checks.looks_like_medical_question(body)
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "status", "looks_medical", "edited_at", "updated_at"])
        audit.record(
            actor=None, action="comment.edited", obj=comment, data={"from": previous, "to": comment.status}
        )
    return comment


def delete_own_comment(*, comment: Comment, author_hash: str) -> None:
    """The author removes their comment within 15 minutes (it goes to the trash)."""
    _own_and_recent(comment, author_hash=author_hash)
    with transaction.atomic():
        previous = comment.status
        comment.status = Status.TRASH
        comment.save(update_fields=["status", "updated_at"])
        audit.record(actor=None, action="comment.deleted-by-author", obj=comment, data={"from": previous})


def report_comment(*, comment: Comment, ip: str, reason: str = "") -> bool:
    """Record a reader's report, once per address; enough reports hold the comment again."""
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, ip_hash=tokens.ip_hash(ip), reason=reason[:300])
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
            comment.refresh_from_db(fields=["report_count", "status"])
            held = comment.report_count >= REPORTS_TO_HOLD and comment.status == Status.APPROVED
            if held:
                Comment.objects.filter(pk=comment.pk).update(status=Status.PENDING)
            audit.record(
                actor=None,
                action="comment.reported",
                obj=comment,
                data={"reports": comment.report_count, "held": held},
            )
    except IntegrityError:
        return False
    return True


def set_comments_closed(*, page: Page, is_closed: bool, actor: AnyUser) -> PageCommentSettings:
    with transaction.atomic():
        page_settings, _ = PageCommentSettings.objects.update_or_create(
            page_id=page.pk, defaults={"is_closed": is_closed}
        )
        audit.record(
            actor=actor, action="comment.page-closed" if is_closed else "comment.page-opened", obj=page
        )
    return page_settings


def unsubscribe_replies(*, comment_id: int) -> None:
    """Stop reply notifications for one comment (the one-click link in each notification)."""
    with transaction.atomic():
        Comment.objects.filter(pk=comment_id).update(notify_replies=False)
        audit.record(actor=None, action="comment.unsubscribed", data={"comment_id": comment_id})
