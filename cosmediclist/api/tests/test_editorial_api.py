"""API: live articles and guides with their medical review; drafts stay private for every persona."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.discussion.tests.factories import make_comment
from cosmediclist.editorial.models import ArticleIndexPage, ArticlePage
from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests import factories
from tests.personas import client_for
from tests.site import EMAIL_RE

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(db: None) -> ArticleIndexPage:
    return set_up_editorial()


def _plain_page(index: ArticleIndexPage, n: int) -> ArticlePage:
    """A live page added straight to the tree: the workflow is tested in editorial/; lists only read."""
    page = ArticlePage(
        title=f"Plain page {n}",
        slug=f"plain-{n}",
        standfirst="A standfirst.",
        summary="A summary.",
        body=[],
        author=factories.author(),
        live=True,
        first_published_at=timezone.now(),
    )
    index.add_child(instance=page)
    return page


def test_the_guides_list_runs_the_same_queries_for_one_or_fifty(
    client: Client, django_assert_num_queries, guides: ArticleIndexPage
) -> None:
    meso = mesotherapy()
    factories.article(guides, slug="what-is-mesotherapy", guide_for=meso, tags=["skin", "injections"])
    client.get("/api/v1/guides")  # Wagtail caches the site's root paths on first use
    with django_assert_num_queries(4):
        body = client.get("/api/v1/guides").json()
    [guide] = body["items"]
    assert guide["kind"] == "guide" and guide["treatment"]["slug"] == "mesotherapy"
    assert guide["tags"] == ["injections", "skin"]
    assert guide["reviewer"]["register_code"] == "gmc" and guide["last_reviewed_on"]
    assert guide["url"] == "http://testserver/guides/what-is-mesotherapy/"
    for n in range(49):
        _plain_page(guides, n)
    with django_assert_num_queries(4):
        body = client.get("/api/v1/guides?limit=50").json()
    assert body["count"] == 50 and len(body["items"]) == 50
    assert body["items"][0]["kind"] == "article" and body["items"][0]["reviewer"] is None
    assert [g["slug"] for g in client.get("/api/v1/guides?treatment=mesotherapy").json()["items"]] == [
        "what-is-mesotherapy"
    ]
    assert client.get("/api/v1/guides?tag=injections").json()["count"] == 1


def test_a_guide_in_full_with_its_facts_box_and_review_history(
    client: Client, guides: ArticleIndexPage
) -> None:
    meso = mesotherapy()
    factories.article(guides, slug="what-is-mesotherapy", guide_for=meso)
    body = client.get("/api/v1/guides/what-is-mesotherapy").json()
    facts = {f["key"]: f["value"] for f in body["at_a_glance"]}
    assert facts["sessions"] == "3–4 sessions" and facts["results"] == "4–6 months"
    assert [h["text"] for h in body["headings"]][:2] == ["Section 1", "Section 2"]
    assert [r["title"] for r in body["references"]] == ["Study 0", "Study 1"]
    [event] = body["review_history"]
    assert event["reviewer"] == body["reviewer"]["name"] and event["reviewed_on"] == body["last_reviewed_on"]
    assert body["reviewer"]["register_url"].startswith("https://www.gmc-uk.org/")
    assert EMAIL_RE.findall(client.get("/api/v1/guides/what-is-mesotherapy").content.decode()) == []


def test_a_draft_is_a_404_for_every_persona(
    client: Client, guides: ArticleIndexPage, editor: User, patient: User
) -> None:
    page = _plain_page(guides, 1)
    page.live = False
    page.save()
    for who in (client, client_for(patient), client_for(editor)):
        assert who.get("/api/v1/guides/plain-1").status_code == 404
        assert who.get("/api/v1/guides").json()["count"] == 0
        assert who.get("/api/v1/guides/plain-1/comments").status_code == 404


def test_a_guides_approved_comments(
    client: Client, guides: ArticleIndexPage, django_assert_num_queries
) -> None:
    page = _plain_page(guides, 1)
    shown = make_comment(page=page, email="secret.reader@example.org")
    make_comment(page=page, status="pending")
    with django_assert_num_queries(5):
        body = client.get("/api/v1/guides/plain-1/comments").json()
    assert [c["id"] for c in body["items"]] == [shown.pk]
    for _ in range(49):
        make_comment(page=page)
    with django_assert_num_queries(5):
        body = client.get("/api/v1/guides/plain-1/comments?limit=50").json()
    assert len(body["items"]) == 50
    assert "secret.reader" not in client.get("/api/v1/guides/plain-1/comments").content.decode()
