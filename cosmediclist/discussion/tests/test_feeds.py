"""Comment feeds, site-wide and per page: approved comments only, never an email address."""

from __future__ import annotations

from xml.etree import ElementTree

from django.test import Client
from django.urls import reverse

from cosmediclist.discussion.models import Status
from cosmediclist.discussion.tests.factories import make_comment


def test_the_site_feed_lists_approved_comments_without_emails(client: Client, article) -> None:
    make_comment(
        page=article, name="Feed Person", email="feed.person@example.org", body="Nice https://x.example"
    )
    make_comment(page=article, name="Held Person", status=Status.PENDING)
    response = client.get(reverse("discussion:site-feed"))
    body = response.content.decode()
    assert response.status_code == 200
    items = ElementTree.fromstring(body).findall("./channel/item")  # noqa: S314 - our own feed
    assert [i.findtext("title") for i in items] == [f"Feed Person on {article.title}"]
    assert "@" not in body


def test_the_page_feed_lists_only_that_page(client: Client, article) -> None:
    from cosmediclist.discussion.tests.factories import make_page

    other = make_page("Microneedling explained")
    make_comment(page=article, name="On Article")
    make_comment(page=other, name="On Other")
    body = client.get(reverse("discussion:page-feed", args=[article.pk])).content.decode()
    assert "On Article" in body and "On Other" not in body
    assert client.get(reverse("discussion:page-feed", args=[99999])).status_code == 404


def test_feeds_run_a_fixed_number_of_queries(client: Client, article, django_assert_num_queries) -> None:
    url = reverse("discussion:page-feed", args=[article.pk])
    make_comment(page=article)
    with django_assert_num_queries(2):
        client.get(url)
    for _ in range(20):
        make_comment(page=article)
    with django_assert_num_queries(2):
        client.get(url)


def test_a_stored_comment_with_control_characters_leaves_every_feed_page_readable(
    client: Client, article
) -> None:
    # Stored as it might have been before the forms stripped them: a form feed, a start-of-heading,
    # a bell (not a NUL: PostgreSQL refuses it in text, so no database could hold one).
    make_comment(page=article, name="Form\x0cFeed", body="Before\x0c after\x01 and\x07 done.")
    for url in (reverse("discussion:site-feed"), reverse("discussion:page-feed", args=[article.pk])):
        response = client.get(url, {"page": 1})
        assert response.status_code == 200, url
        items = ElementTree.fromstring(response.content).findall("./channel/item")  # noqa: S314
        assert [i.findtext("title") for i in items] == [f"FormFeed on {article.title}"]
        assert "Before after and done." in str(items[0].findtext("description"))


def test_a_comment_posted_with_control_characters_is_stored_without_them(client: Client, article) -> None:
    from cosmediclist.discussion.tests.factories import form_data, rules

    rules(min_fill_seconds=0)
    data = form_data(name="Nora\x0c Newcomer\x1b", body="Line one\x0c\r\nline\ttwo\x00 ends here.")
    response = client.post(reverse("discussion:post", args=[article.pk]), data)
    assert response.status_code == 302
    from cosmediclist.discussion.models import Comment

    stored = Comment.objects.get()
    assert stored.name == "Nora Newcomer"
    assert stored.body == "Line one\r\nline\ttwo ends here."
    assert client.get(reverse("discussion:site-feed")).status_code == 200


def test_any_page_parameter_gives_a_feed_never_a_500(client: Client, article) -> None:
    from tests import corpora

    make_comment(page=article, name="Only One")
    urls = (reverse("discussion:site-feed"), reverse("discussion:page-feed", args=[article.pk]))
    for page in ("999999999999999999999", str(2**63), str(2**62), "-5", "0", "9" * 5000):
        for url in urls:
            response = client.get(url, {"page": page})
            assert response.status_code == 200, (url, page)
            ElementTree.fromstring(response.content)  # noqa: S314 - our own feed
    assert b"Only One" in client.get(urls[0], {"page": "-5"}).content
    assert b"Only One" not in client.get(urls[0], {"page": str(2**63)}).content
    for text in corpora.naughty_strings():
        assert client.get(urls[0], {"page": text}).status_code == 200, text
