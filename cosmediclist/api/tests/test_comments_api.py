"""API: the approved comments of a page, in fixed queries, never with an email address or its hash."""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client

from cosmediclist.discussion.models import Badge, Status
from cosmediclist.discussion.tests.factories import make_comment, make_page, reply
from tests.site import EMAIL_RE

pytestmark = pytest.mark.django_db


def _fingerprints(address: str) -> list[str]:
    variants = {address, address.lower(), address.strip().lower()}
    return [address] + [
        hashlib.new(algorithm, variant.encode()).hexdigest()
        for variant in variants
        for algorithm in ("md5", "sha1", "sha256")
    ]


def test_approved_comments_are_listed_threaded_in_fixed_queries(
    client: Client, django_assert_num_queries
) -> None:
    page = make_page()
    first = make_comment(page=page, name="Hannah K.", badge=Badge.EDITOR, website="https://example.com/h")
    url = f"/api/v1/pages/{page.pk}/comments"
    with django_assert_num_queries(3):
        assert client.get(url).json()["count"] == 1
    url += "?limit=100"
    for n in range(6):
        reply(first, name=f"Replier {n}")
        make_comment(page=page)
    with django_assert_num_queries(3):
        body = client.get(url).json()
    assert body["count"] == 13
    assert body["items"][0] == {
        "id": first.pk,
        "parent_id": None,
        "author_name": "Hannah K.",
        "author_website": "https://example.com/h",
        "body": first.body,
        "created_at": body["items"][0]["created_at"],
        "badge": "editor",
    }
    assert body["items"][1]["parent_id"] == first.pk


def test_held_spam_and_trashed_comments_and_other_pages_are_left_out(client: Client) -> None:
    page, other = make_page("One"), make_page("Two")
    shown = make_comment(page=page)
    for status in (Status.PENDING, Status.SPAM, Status.TRASH):
        make_comment(page=page, status=status)
    make_comment(page=other)
    assert [c["id"] for c in client.get(f"/api/v1/pages/{page.pk}/comments").json()["items"]] == [shown.pk]


def test_no_email_address_nor_its_hash_is_served(client: Client) -> None:
    page = make_page()
    address = "Secret.Person@example.org"
    parent = make_comment(page=page, email=address, notify_replies=True)
    reply(parent, email="replier@example.org", body="Me too.")
    text = client.get(f"/api/v1/pages/{page.pk}/comments").content.decode()
    assert EMAIL_RE.findall(text) == []
    for fingerprint in [*_fingerprints(address), *_fingerprints("replier@example.org")]:
        assert fingerprint not in text


def test_limit_and_offset_page_through_and_a_bad_limit_names_the_field(client: Client) -> None:
    page = make_page()
    ids = [make_comment(page=page).pk for _ in range(3)]
    body = client.get(f"/api/v1/pages/{page.pk}/comments?limit=2&offset=1").json()
    assert [c["id"] for c in body["items"]] == ids[1:] and body["count"] == 3
    response = client.get(f"/api/v1/pages/{page.pk}/comments?limit=0")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "limit"


def test_an_unknown_draft_or_root_page_is_a_404(client: Client) -> None:
    page = make_page()
    page.live = False
    page.save()
    assert client.get(f"/api/v1/pages/{page.pk}/comments").status_code == 404
    assert client.get("/api/v1/pages/999999/comments").status_code == 404
    assert client.get(f"/api/v1/pages/{page.get_parent().pk}/comments").status_code == 404


def test_an_offset_or_limit_beyond_any_database_integer_is_not_a_500(client: Client) -> None:
    page = make_page()
    make_comment(page=page)
    url = f"/api/v1/pages/{page.pk}/comments"
    for offset in ("99999999999999999999", str(2**63), str(2**63 - 1), "9" * 400):
        response = client.get(url, {"offset": offset})
        assert response.status_code == 200, offset
        assert response.json()["items"] == [] and response.json()["count"] == 1
        assert response.json()["previous"].endswith("?limit=20&offset=0")
    huge_limit = client.get(url, {"limit": "99999999999999999999", "offset": "99999999999999999999"})
    assert huge_limit.status_code == 200 and huge_limit.json()["items"] == []
