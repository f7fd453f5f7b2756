"""The byline is earned: only the approval of a registered medical reviewer signs "Medically reviewed by"."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, TaskState

from cosmediclist.accounts.models import User
from cosmediclist.core.models import AuditEvent
from cosmediclist.editorial import review, services
from cosmediclist.editorial.models import ArticleIndexPage, ArticlePage, GuideReview, Reviewer
from cosmediclist.editorial.tests import factories
from tests.personas import client_for


def draft(index: ArticleIndexPage, writer: User, *, references: int = 2, slug: str = "draft") -> ArticlePage:
    """A guide a writer has written and sent to the "Medical review" workflow, not yet live."""
    page = ArticlePage(
        title="A guide in review",
        slug=slug,
        live=False,
        standfirst="A standfirst.",
        summary="A summary.",
        body=factories.body(references=references),
        author=factories.author(),
    )
    index.add_child(instance=page)
    page.save_revision(user=writer)
    review.submit_for_review(page=page, user=writer)
    return page


def action_url(page: Page, action: str = "approve") -> str:
    state = Page.objects.get(pk=page.pk).current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])


def nothing_stored(page: Page) -> None:
    fresh = ArticlePage.objects.get(pk=page.pk)
    assert not fresh.live
    assert fresh.reviewer is None and fresh.last_reviewed_on is None
    assert not GuideReview.objects.filter(page=fresh).exists()
    assert fresh.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_edit_form_has_no_reviewer_or_review_dates(guides, editor) -> None:
    page = factories.article(guides, slug="signed")
    html = client_for(editor).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="author"' in html
    for field in ("reviewer", "last_reviewed_on", "next_review_due_on"):
        assert f'name="{field}"' not in html


def test_approval_signs_the_byline_from_the_approving_account(guides, editor, medical_reviewer) -> None:
    profile = factories.reviewer(user=medical_reviewer)
    someone_else = factories.reviewer()
    page = draft(guides, editor)
    response = client_for(medical_reviewer).post(action_url(page), {"comment": "Checked."})
    assert response.status_code == 302
    live = ArticlePage.objects.get(pk=page.pk)
    today = timezone.localdate()
    interval = datetime.timedelta(days=settings.MEDICAL_REVIEW_INTERVAL_DAYS)
    assert live.live
    assert (live.reviewer, live.last_reviewed_on, live.next_review_due_on) == (
        profile,
        today,
        today + interval,
    )
    signed = GuideReview.objects.get(page=live)
    assert (signed.approved_by, signed.reviewer, signed.changes) == (
        medical_reviewer,
        profile,
        "First review.",
    )
    assert AuditEvent.objects.filter(action="editorial.guide_approved", actor=medical_reviewer).exists()
    html = Client().get(live.url).content.decode()
    assert profile.name in html and profile.register_number in html
    assert someone_else.name not in html
    assert "Review history" in html and "First review." in html


def test_a_writer_cannot_approve_and_nothing_is_stored(guides, editor, medical_reviewer) -> None:
    factories.reviewer(user=medical_reviewer)
    page = draft(guides, editor)
    response = client_for(editor).post(action_url(page), {"comment": ""}, follow=True)
    assert "do not have permission" in response.content.decode()
    nothing_stored(page)
    with pytest.raises(ValidationError, match="Only a medical reviewer can approve"):
        review.approve(task_state=Page.objects.get(pk=page.pk).current_workflow_task_state, user=editor)
    nothing_stored(page)


def refusal_shown(client: Client, page: Page) -> str:
    response = client.post(action_url(page), {"comment": ""}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_a_reviewer_account_without_a_profile_is_refused_with_a_message(
    guides, editor, medical_reviewer
) -> None:
    page = draft(guides, editor)
    html = refusal_shown(client_for(medical_reviewer), page)
    assert "not linked to a reviewer profile" in html
    nothing_stored(page)


def test_a_reviewer_profile_without_register_details_cannot_sign(guides, editor, medical_reviewer) -> None:
    profile = factories.reviewer(user=medical_reviewer)
    Reviewer.objects.filter(pk=profile.pk).update(register="")
    page = draft(guides, editor)
    html = refusal_shown(client_for(medical_reviewer), page)
    assert "no professional register and number" in html
    nothing_stored(page)


def test_a_guide_without_references_cannot_be_approved(guides, editor, medical_reviewer) -> None:
    factories.reviewer(user=medical_reviewer)
    page = draft(guides, editor, references=0)
    html = refusal_shown(client_for(medical_reviewer), page)
    assert "cannot be approved without at least one reference" in html
    nothing_stored(page)


def test_an_approval_of_a_version_someone_else_changed_since_is_refused(
    guides, editor, medical_reviewer
) -> None:
    factories.reviewer(user=medical_reviewer)
    page = draft(guides, editor)
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    latest.summary = "Changed by the writer after submitting."
    latest.save_revision(user=editor)
    html = refusal_shown(client_for(medical_reviewer), page)
    assert "changed by someone else after it was sent for review" in html
    nothing_stored(page)


def test_a_stale_task_cannot_be_approved(guides, editor, medical_reviewer) -> None:
    factories.reviewer(user=medical_reviewer)
    page = draft(guides, editor)
    old_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    old_state.workflow_state.cancel(user=editor)
    review.submit_for_review(page=ArticlePage.objects.get(pk=page.pk), user=editor)
    with pytest.raises(ValidationError, match="out of date"):
        review.approve(task_state=TaskState.objects.get(pk=old_state.pk).specific, user=medical_reviewer)
    nothing_stored(page)


def resubmit(page: ArticlePage, writer: User, **changes: Any) -> None:
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(latest, name, value)
    latest.save_revision(user=writer)
    review.submit_for_review(page=ArticlePage.objects.get(pk=page.pk), user=writer)


def test_the_review_history_says_what_changed_between_approvals(guides, editor, medical_reviewer) -> None:
    first_signer = factories.reviewer()
    profile = factories.reviewer(user=medical_reviewer)
    reviewed_on = timezone.localdate() - datetime.timedelta(days=400)
    page = factories.article(guides, slug="history", reviewed_on=reviewed_on, reviewed_by=first_signer)
    assert ArticlePage.objects.get(pk=page.pk).is_overdue
    body = list(factories.body())
    body[1] = {"type": "paragraph", "value": "<p>Rewritten after new evidence.</p>"}
    resubmit(page, editor, summary="A new summary.", body=body)
    approval = review.approve(
        task_state=ArticlePage.objects.get(pk=page.pk).current_workflow_task_state, user=medical_reviewer
    )
    assert approval.changes == "Changed: summary, section “Section 1”."
    live = ArticlePage.objects.get(pk=page.pk)
    assert (live.reviewer, live.last_reviewed_on) == (profile, timezone.localdate())
    assert not live.is_overdue
    html = Client().get(live.url).content.decode()
    assert "Under review" not in html
    assert html.index(profile.name) < html.index("Changed: summary") < html.index(first_signer.name)
    assert GuideReview.objects.filter(page=live).count() == 2


def test_publishing_a_guide_straight_from_the_editor_is_refused(guides, medical_reviewer, rf) -> None:
    """Wagtail's editor asks the before_publish_page hooks before "Publish": ours sends guides to review."""
    page = factories.article(guides, slug="direct")
    request = rf.post("/")
    request.user = medical_reviewer
    request.session = {}
    request._messages = FallbackStorage(request)
    answers = [hook(request, page) for hook in hooks.get_hooks("before_publish_page")]
    refused = [a for a in answers if a is not None]
    assert refused and refused[0].url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "only when a medical reviewer approves" in str(next(iter(request._messages)))


def test_a_guides_review_never_predates_its_first_publication(guides) -> None:
    page = factories.article(
        guides, slug="dated", reviewed_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.last_reviewed_on is not None and live.first_published_at is not None
    assert live.last_reviewed_on >= timezone.localdate(live.first_published_at)


def test_the_demo_guides_are_signed_by_real_approvals(db: None) -> None:
    from cosmediclist.editorial import demo
    from cosmediclist.editorial.tests.factories import wagtail_roots

    wagtail_roots()
    demo.load()
    pages = list(ArticlePage.objects.live())
    assert len(pages) == 7
    for page in pages:
        signed = GuideReview.objects.filter(page=page).select_related("reviewer").first()
        assert signed is not None
        assert signed.reviewer.user == signed.approved_by
        assert (page.reviewer_id, page.last_reviewed_on) == (signed.reviewer_id, signed.reviewed_on)
        assert page.first_published_at is not None
        assert page.last_reviewed_on >= timezone.localdate(page.first_published_at)
    assert services.set_up_editorial() == ArticleIndexPage.objects.get()


def test_a_title_with_a_line_break_is_one_line_and_the_reviewer_is_emailed(
    guides, editor, medical_reviewer, mailoutbox
) -> None:
    """A line break in a title made Wagtail's workflow email fail (and log the reviewer's address)."""
    page = ArticlePage(
        title="Mesotherapy\r\nexplained",
        seo_title="Mesotherapy\nat a glance",
        slug="broken-title",
        live=False,
        standfirst="A standfirst.",
        summary="A summary.",
        body=factories.body(references=2),
        author=factories.author(),
    )
    guides.add_child(instance=page)
    assert (page.title, page.seo_title) == ("Mesotherapy explained", "Mesotherapy at a glance")
    page.save_revision(user=editor)
    review.submit_for_review(page=page, user=editor)
    to_reviewer = [m for m in mailoutbox if medical_reviewer.email in m.to]
    assert to_reviewer and "Mesotherapy explained" in to_reviewer[0].subject
