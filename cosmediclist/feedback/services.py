"""Every write to readers' messages: receive one (spam-checked, stored, staff emailed), purge old ones."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP
from cosmediclist.core import audit
from cosmediclist.core.retention import retention_days
from cosmediclist.directory.models import Clinic
from cosmediclist.discussion.models import ModerationSettings
from cosmediclist.discussion.rules import judge
from cosmediclist.feedback.models import Kind, Message, Status
from cosmediclist.notifications.services import queue_email

Actor = AbstractBaseUser | AnonymousUser | None


def recipients(kind: str) -> Iterable[tuple[int, str]]:
    """Who is told: editors (and administrators) about guides, administrators about the rest."""
    staff = User.objects.filter(is_active=True)
    wanted = Q(is_superuser=True)
    if kind == Kind.GUIDE_ERROR:
        wanted |= Q(groups__name=EDITORS_GROUP)
    return staff.filter(wanted).distinct().values_list("pk", "email")


def receive_message(
    *,
    actor: Actor,
    kind: str,
    body: str,
    rules: ModerationSettings,
    name: str = "",
    email: str = "",
    page: Page | None = None,
    clinic: Clinic | None = None,
) -> Message:
    """Store a reader's message and email the staff who handle its kind, in one transaction.

    The comments' spam rules apply: a disallowed word stores it as spam, which nobody is
    emailed about (it stays in the list, filtered out by default). The email names the kind and
    the page or clinic and links to the staff list; the reader's words stay in the site.
    """
    verdict = judge(rules=rules, name=name, email=email, website="", body=body, has_approved_before=False)
    status = Status.SPAM if verdict.status == "spam" else Status.NEW
    with transaction.atomic():
        message = Message.objects.create(
            kind=kind, status=status, name=name, email=email, body=body, page=page, clinic=clinic
        )
        audit.record(
            actor=actor if actor is not None and actor.is_authenticated else None,
            action="feedback.message_received",
            obj=message,
            data={"kind": kind, "status": status},
        )
        if status == Status.NEW:
            context = {
                "kind": message.get_kind_display(),
                "about": str(page.title if page else clinic.name if clinic else ""),
                "queue": reverse("wagtailsnippets_feedback_message:list"),
            }
            for user_id, address in recipients(kind):
                queue_email(
                    key=f"feedback-received:{message.pk}:{user_id}",
                    template="feedback_received",
                    to=address,
                    context=context,
                )
    return message


def purge_old_messages() -> int:
    """Delete messages older than FEEDBACK_RETENTION_DAYS; safe to run twice."""
    cutoff = timezone.now() - datetime.timedelta(days=retention_days("FEEDBACK_RETENTION_DAYS"))
    with transaction.atomic():
        count, _ = Message.objects.filter(created_at__lt=cutoff).delete()
        if count:
            audit.record(actor=None, action="feedback.messages_purged", data={"count": count})
    return count
