"""The threaded comments of a page: order, pagination, permalinks, avatars, and fixed queries."""

from __future__ import annotations

from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from cosmediclist.discussion.avatars import avatar_for
from cosmediclist.discussion.models import Status
from cosmediclist.discussion.tests.factories import make_comment, reply, rules


def comments_url(page) -> str:
    return reverse("discussion:page-comments", args=[page.pk])


def add_threads(page, count: int) -> None:
    """``count`` approved comments: threads of a top-level comment and two levels of replies."""
    made = 0
    while made < count:
        top = make_comment(page=page)
        child = reply(top)
        reply(child)
        made += 3


def test_replies_show_nested_under_their_parent(client: Client, article) -> None:
    top = make_comment(page=article, name="Top Person")
    child = reply(top, name="Child Person")
    grandchild = reply(child, name="Grandchild Person")
    html = client.get(comments_url(article)).content.decode()
    top_at = html.index(f'id="comment-{top.pk}"')
    assert top_at < html.index(f'id="comment-{child.pk}"') < html.index(f'id="comment-{grandchild.pk}"')
    assert html.count("comment-list--replies") == 2
    assert 'Comments <span class="comments__count">(3)</span>' in html


def test_held_spam_and_trash_are_not_shown_nor_counted(client: Client, article) -> None:
    make_comment(page=article, name="Visible One")
    for status in (Status.PENDING, Status.SPAM, Status.TRASH):
        make_comment(page=article, name=f"Hidden {status}", status=status)
    html = client.get(comments_url(article)).content.decode()
    assert "Visible One" in html and "Hidden" not in html
    assert '<span class="comments__count">(1)</span>' in html


def test_newest_first_and_pagination_of_threads(client: Client, article) -> None:
    rules(threads_per_page=2)
    for name in ("Ann First", "Ben Second", "Cy Third"):
        make_comment(page=article, name=name)
    page_one = client.get(comments_url(article)).content.decode()
    assert "Ann First" in page_one and "Ben Second" in page_one and "Cy Third" not in page_one
    assert "Page 1 of 2" in page_one
    assert "Cy Third" in client.get(comments_url(article) + "?cpage=2").content.decode()
    newest = client.get(comments_url(article) + "?corder=newest").content.decode()
    assert newest.index("Cy Third") < newest.index("Ben Second")
    assert "Ann First" not in newest
    assert client.get(comments_url(article) + "?cpage=99&corder=nonsense").status_code == 200


def test_a_permalink_leads_to_the_page_of_comments_that_shows_it(client: Client, article) -> None:
    rules(threads_per_page=2)
    tops = [make_comment(page=article) for _ in range(3)]
    late_reply = reply(tops[2])
    response = client.get(reverse("discussion:permalink", args=[late_reply.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{comments_url(article)}?cpage=2#comment-{late_reply.pk}"
    held = make_comment(page=article, status=Status.PENDING)
    assert client.get(reverse("discussion:permalink", args=[held.pk])).status_code == 404


def test_the_page_of_comments_runs_the_same_queries_with_30_comments_as_with_none(
    client: Client, article, django_assert_num_queries
) -> None:
    rules()
    url = comments_url(article)
    client.get(url)  # warm Wagtail's site-root cache, as on any running site
    # The page, settings, closed flag, the threads with their counts; with none, a count as well.
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200
    add_threads(article, 30)
    make_comment(page=article, status=Status.PENDING)
    with django_assert_num_queries(4):
        html = client.get(url).content.decode()
    assert html.count('class="comment"') + html.count('class="comment comment--pending"') == 30


def test_the_inclusion_tag_renders_the_section_in_any_template(rf: RequestFactory, article) -> None:
    from django.contrib.auth.models import AnonymousUser

    make_comment(page=article, name="Tag Tester")
    request = rf.get("/guides/mesotherapy/")
    request.user = AnonymousUser()
    html = Template("{% load discussion_tags %}{% comment_section page %}").render(
        Context({"page": article, "request": request})
    )
    assert "Tag Tester" in html
    assert f'action="/comments/{article.pk}/post/"' in html
    assert 'name="next" value="/guides/mesotherapy/"' in html


def test_avatars_are_local_initials_coloured_by_the_name_never_the_email(client: Client, article) -> None:
    make_comment(page=article, name="Maria de la Cruz", email="maria@example.org")
    make_comment(page=article, name="Maria de la Cruz", email="other@example.org")
    html = client.get(comments_url(article)).content.decode()
    avatar = avatar_for("Maria de la Cruz")
    assert avatar.initials == "MD"
    assert html.count(f'avatar avatar--c{avatar.colour}" aria-hidden="true">MD<') == 2
    assert "gravatar" not in html.lower()
    assert avatar_for("").initials == "?"


def test_a_reply_link_prefills_the_parent(client: Client, article) -> None:
    top = make_comment(page=article, name="Asker")
    html = client.get(comments_url(article) + f"?replyto={top.pk}").content.decode()
    assert "Reply to Asker" in html
    assert f'name="parent" value="{top.pk}"' in html
