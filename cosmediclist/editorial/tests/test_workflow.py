from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from conftest import client_for
from cosmediclist.editorial.tests import factories


def test_an_author_cannot_publish_and_the_medical_reviewer_approves(guides, editor, medical_reviewer) -> None:
    page = factories.article(guides, slug="reviewed-guide")
    page.unpublish()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(editor).can_edit()
    assert page.permissions_for_user(medical_reviewer).can_publish()

    author = client_for(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert b"Medical review" in author.get(edit_url).content
    # The author saves a draft and submits it: the workflow, not the author, decides.
    page.title = "Reviewed guide, updated"
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Medical review"
    workflow_state = workflow.start(page, editor)
    assert not Page.objects.get(pk=page.pk).live

    # The author cannot approve their own submission.
    task_state = workflow_state.current_task_state
    action_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    author.post(action_url, {"comment": ""})
    assert not Page.objects.get(pk=page.pk).live

    reviewer = client_for(medical_reviewer)
    response = reviewer.post(action_url, {"comment": "Checked against the references."})
    assert response.status_code in (200, 302)
    live = Page.objects.get(pk=page.pk)
    assert live.live and live.title == "Reviewed guide, updated"


def test_overdue_report_lists_only_guides_past_their_review_date(guides, editor, client) -> None:
    long_ago = timezone.localdate() - datetime.timedelta(days=800)
    factories.article(
        guides,
        slug="overdue",
        title="An overdue guide",
        last_reviewed_on=long_ago,
        next_review_due_on=long_ago + datetime.timedelta(days=365),
    )
    factories.article(guides, slug="fresh", title="A fresh guide")
    response = client_for(editor).get(reverse("editorial_overdue_reviews"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "An overdue guide" in html
    assert "A fresh guide" not in html
    assert client.get(reverse("editorial_overdue_reviews")).status_code == 302  # readers are sent to sign in
