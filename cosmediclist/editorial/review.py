"""The medical review of guides: the approval step checks the reviewer and the references and signs the byline.

"Medically reviewed by", "Last reviewed" and "Next review due" are written here and nowhere else, from
the account that approved the guide in the "Medical review" workflow.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, TaskState

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import MEDICAL_REVIEWERS_GROUP
from cosmediclist.core import audit
from cosmediclist.core.registers import STATUTORY
from cosmediclist.editorial import review_changes
from cosmediclist.editorial.models import ArticlePage, GuideReview, MedicalReviewTask, Reviewer

# Why an approval was refused, by code: the admin shows the sentence, the URL carries only the code.
REFUSALS = {
    "not-a-reviewer": "Only a medical reviewer can approve a guide, and this account is not one. Nothing was approved.",
    "no-profile": (
        "This account is not linked to a reviewer profile, so it cannot sign a medical review. "
        "An administrator links it under Snippets › Reviewers. Nothing was approved."
    ),
    "no-register": (
        "Your reviewer profile has no professional register and number, so a reader could not check "
        "who reviewed the guide. An administrator adds them under Snippets › Reviewers. Nothing was approved."
    ),
    "no-references": (
        "A guide cannot be approved without at least one reference. Add a references block to the "
        "guide and approve it again. Nothing was approved."
    ),
    "stale": (
        "This approval is out of date: the guide's review has moved on since this page was opened. "
        "Open the guide again to see where it stands. Nothing was approved."
    ),
    "changed": (
        "The guide was changed by someone else after it was sent for review; review the latest version "
        "(ask the writer to resubmit it). Nothing was approved."
    ),
}


def _refuse(code: str) -> ValidationError:
    return ValidationError({"approval": ValidationError(REFUSALS[code], code=code)})


def reviewer_for(user: User | None) -> Reviewer:
    """The reviewer profile the user signs with; raises ValidationError unless it can sign a review."""
    if user is None or not user.groups.filter(name=MEDICAL_REVIEWERS_GROUP).exists():
        raise _refuse("not-a-reviewer")
    profile = Reviewer.objects.filter(user=user).first()
    if profile is None:
        raise _refuse("no-profile")
    if profile.register not in STATUTORY or not profile.register_number.strip():
        raise _refuse("no-register")
    return profile


def _check_current(task_state: TaskState, page: ArticlePage, user: AbstractBaseUser) -> Revision:
    """The revision the approval publishes (the latest); refuses a stale task or someone else's late edit."""
    current = page.current_workflow_task_state
    if task_state.status != TaskState.STATUS_IN_PROGRESS or current is None or current.pk != task_state.pk:
        raise _refuse("stale")
    latest: Revision = page.get_latest_revision()
    later_by_others = Revision.page_revisions.filter(
        object_id=str(page.pk), pk__gt=task_state.revision_id
    ).exclude(user=user)
    if later_by_others.exists():
        raise _refuse("changed")
    return latest


def _previous_content(page: ArticlePage) -> dict[str, Any] | None:
    last = GuideReview.objects.filter(page=page).select_related("revision").first()
    return last.revision.content if last is not None else None


@transaction.atomic
def approve(*, task_state: TaskState, user: User, comment: str = "") -> GuideReview:
    """Approve a guide's medical review as ``user`` and sign its byline with their reviewer profile.

    Checks, in order: the user is a medical reviewer with a profile on a professional register;
    the task is the guide's current one and nobody else changed the guide since it was submitted;
    the latest revision has at least one reference. Then Wagtail approves (and publishes) it, and
    the page's reviewer, "last reviewed" (today) and "next review due" (today plus
    MEDICAL_REVIEW_INTERVAL_DAYS) are set, a GuideReview is stored and the approval audited.
    Raises ValidationError (code names the reason, see REFUSALS) and then changes nothing.
    """
    page = ArticlePage.objects.select_for_update().get(pk=task_state.workflow_state.object_id)
    reviewer = reviewer_for(user)
    revision = _check_current(task_state, page, user)
    if not revision.as_object().references():
        raise _refuse("no-references")
    task: MedicalReviewTask = task_state.task.specific
    task.approve_in_wagtail(task_state, user, comment=comment)
    page.refresh_from_db()
    today = timezone.localdate()
    first = timezone.localdate(page.first_published_at) if page.first_published_at else today
    if today < first:  # the clock cannot make a review predate the guide's first publication
        raise _refuse("stale")
    review = GuideReview.objects.create(
        page=page,
        revision=revision,
        reviewer=reviewer,
        approved_by=user,
        reviewed_on=today,
        next_review_due_on=today + datetime.timedelta(days=settings.MEDICAL_REVIEW_INTERVAL_DAYS),
        changes=review_changes.describe(_previous_content(page), revision.content),
    )
    ArticlePage.objects.filter(pk=page.pk).update(
        reviewer=reviewer, last_reviewed_on=review.reviewed_on, next_review_due_on=review.next_review_due_on
    )
    audit.record(
        actor=user,
        action="editorial.guide_approved",
        obj=page,
        data={"revision": revision.pk, "reviewer": reviewer.pk, "review": review.pk},
    )
    return review


def approve_from_workflow(
    *, task: MedicalReviewTask, task_state: TaskState, user: User, comment: str = "", **_: Any
) -> str | None:
    """The workflow's "Approve" action: approves, or returns the admin URL that explains the refusal."""
    if not isinstance(task_state.workflow_state.content_object.specific, ArticlePage):
        task.approve_in_wagtail(task_state, user, comment=comment)
        return None
    try:
        approve(task_state=task_state, user=user, comment=comment)
    except ValidationError as refusal:
        code = refusal.error_dict["approval"][0].code or "stale"
        return reverse("editorial_approval_refused", args=[task_state.workflow_state.object_id, code])
    return None


@transaction.atomic
def submit_for_review(*, page: ArticlePage, user: AbstractBaseUser | None) -> TaskState:
    """Send the page's latest revision into its "Medical review" workflow, as the writer would."""
    workflow = page.get_workflow()
    if workflow is None:
        raise ValidationError({"workflow": "This page has no review workflow; run set_up_editorial."})
    state = workflow.start(page, user)
    audit.record(actor=user, action="editorial.guide_submitted", obj=page)
    return state.current_task_state
