"""Reads for comment pages: the threaded section of a page in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cosmediclist.core import pagecache
from cosmediclist.discussion import tokens
from cosmediclist.discussion.avatars import Avatar, avatar_for
from cosmediclist.discussion.models import (
    EDIT_WINDOW,
    Comment,
    ModerationSettings,
    PageCommentSettings,
    Status,
)
from cosmediclist.discussion.services import comments_are_open

ORDERS = {"oldest": ("created_at", "id"), "newest": ("-created_at", "-id")}


@dataclass
class Node:
    comment: Comment
    avatar: Avatar
    is_own: bool
    can_change: bool
    can_reply: bool
    children: list[Node] = field(default_factory=list)

    @property
    def is_pending(self) -> bool:
        return self.comment.status == Status.PENDING


@dataclass
class Section:
    page: Page
    threads: list[Node]
    count: int
    page_number: int
    num_pages: int
    order: str
    is_open: bool
    rules: ModerationSettings
    comments_url: str
    feed_url: str
    post_url: str
    nodes: dict[int, Node]

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1

    @property
    def has_next(self) -> bool:
        return self.page_number < self.num_pages

    def _query(self, *, order: str, number: int) -> str:
        params = []
        if order != "oldest":
            params.append(f"corder={order}")
        if number > 1:
            params.append(f"cpage={number}")
        return "?" + "&".join(params) if params else ""

    @property
    def here_query(self) -> str:
        return self._query(order=self.order, number=self.page_number)

    @property
    def previous_query(self) -> str:
        return self._query(order=self.order, number=self.page_number - 1) or "?"

    @property
    def next_query(self) -> str:
        return self._query(order=self.order, number=self.page_number + 1)

    @property
    def order_links(self) -> list[tuple[str, str, bool]]:
        return [
            (label, self._query(order=key, number=1) or "?", key == self.order)
            for key, label in (("oldest", "Oldest first"), ("newest", "Newest first"))
        ]


def _int(value: str | None, default: int) -> int:
    try:
        return max(int(value or default), 1)
    except ValueError:
        return default


def build_section(*, request: HttpRequest, page: Page) -> Section:
    """The visible comments of ``page`` for this visitor: four queries whatever their number.

    1. the moderation settings (from the data cache, see ``rules_to_show``), 2. the per-page
    closing flag, 3. the comment count and the number of top-level threads, 4. every comment of
    the threads on the requested page, held ones included only for the browser that wrote them.
    """
    rules = rules_to_show(request)
    closed = _closed_flag(page)
    author = tokens.author_hash(request)
    order = request.GET.get("corder", "oldest")
    order = order if order in ORDERS else "oldest"
    visible = Comment.objects.on_page(page.pk).visible_to(author)
    approved = Comment.objects.on_page(page.pk).filter(status=Status.APPROVED)
    own_roots = Comment.objects.on_page(page.pk).filter(
        Q(status=Status.APPROVED) | _own(author), parent__isnull=True
    )
    per_page = rules.threads_per_page

    def threads_on(number: int) -> list[Comment]:
        """The rows of the threads on page ``number``, each carrying both counts (one query)."""
        start = (number - 1) * per_page
        roots = (
            visible.filter(parent__isnull=True)
            .order_by(*ORDERS[order])
            .values("pk")[start : start + per_page]
        )
        return list(
            visible.filter(Q(pk__in=roots) | Q(thread_id__in=roots))
            .for_display()
            .annotate(total_count=_count(approved), roots_count=_count(own_roots))
            .order_by("created_at", "id")
        )

    page_number = max(_int(request.GET.get("cpage"), 1), 1)
    rows = threads_on(page_number)
    if rows:
        counts = {"total": rows[0].total_count, "roots": rows[0].roots_count}  # type: ignore[attr-defined]
    else:  # no comment, or a page past the last: count, and show the last page
        counts = Comment.objects.on_page(page.pk).aggregate(
            total=Count("pk", filter=Q(status=Status.APPROVED)),
            roots=Count("pk", filter=Q(parent__isnull=True) & (Q(status=Status.APPROVED) | _own(author))),
        )
    num_pages = max((counts["roots"] + per_page - 1) // per_page, 1)
    if page_number > num_pages:
        page_number = num_pages
        rows = threads_on(page_number)
    nodes, threads = _tree(rows, author=author, rules=rules)
    if order == "newest":
        threads.reverse()
    comments_url = reverse("discussion:page-comments", args=[page.pk])
    return Section(
        page=page,
        threads=threads,
        count=counts["total"],
        page_number=page_number,
        num_pages=num_pages,
        order=order,
        is_open=comments_are_open(page=page, rules=rules, closed_flag=closed, now=timezone.now()),
        rules=rules,
        comments_url=comments_url,
        feed_url=reverse("discussion:page-feed", args=[page.pk]),
        post_url=reverse("discussion:post", args=[page.pk]),
        nodes=nodes,
    )


def rules_to_show(request: HttpRequest) -> ModerationSettings:
    """The comment rules for showing comments, kept in the data cache (core/pagecache.py) until
    content changes: saving the settings is a change. Posting reads them afresh."""
    rules: ModerationSettings = pagecache.cached_for_generation(
        "discussion:moderation-settings", lambda: ModerationSettings.load(request)
    )
    return rules


def _closed_flag(page: Page) -> bool:
    """The page's closing flag: read with the page when its route fetched it, else one query."""
    if "comment_settings" in page._state.fields_cache:
        settings_row = page._state.fields_cache["comment_settings"]
        return bool(settings_row is not None and settings_row.is_closed)
    return PageCommentSettings.objects.filter(page_id=page.pk, is_closed=True).exists()


def _count(rows: QuerySet[Comment]) -> Coalesce:
    """The number of ``rows``, as a subquery."""
    counted = rows.order_by().values("page_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


def _own(author: str) -> Q:
    return Q(status=Status.PENDING, author_token_hash=author) if author else Q(pk__in=[])


def _tree(
    rows: list[Comment], *, author: str, rules: ModerationSettings
) -> tuple[dict[int, Node], list[Node]]:
    now = timezone.now()
    nodes: dict[int, Node] = {}
    threads: list[Node] = []
    for comment in rows:  # oldest first, so a parent always comes before its replies
        is_own = bool(author) and comment.author_token_hash == author
        node = Node(
            comment=comment,
            avatar=avatar_for(comment.name),
            is_own=is_own,
            can_change=is_own and now - comment.created_at <= EDIT_WINDOW,
            can_reply=comment.status == Status.APPROVED and comment.depth < rules.max_depth,
        )
        if comment.parent_id is None:
            nodes[comment.pk] = node
            threads.append(node)
        elif (parent := nodes.get(comment.parent_id)) is not None:
            # A reply whose parent is not shown (removed, or held for someone else) is left out.
            nodes[comment.pk] = node
            parent.children.append(node)
    return nodes, threads


def thread_page_of(comment: Comment, *, rules: ModerationSettings) -> int:
    """Which page of threads (oldest first) holds ``comment``'s thread."""
    root_id = comment.thread_id or comment.pk
    root = Comment.objects.only("created_at").get(pk=root_id)
    before = (
        Comment.objects.on_page(comment.page_id)
        .approved()
        .filter(parent__isnull=True)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk))
        .count()
    )
    return before // rules.threads_per_page + 1
