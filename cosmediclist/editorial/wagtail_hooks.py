"""The editorial app in Wagtail's admin: people as snippets, and the overdue-review report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cosmediclist.editorial.models import ArticlePage, Author, Reviewer
from cosmediclist.editorial.reports import OverdueReviewsView
from cosmediclist.editorial.review import REFUSALS


class AuthorViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Author
    icon = "user"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ReviewerViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Reviewer
    icon = "user"
    list_display = ["name", "credentials", "register", "register_number"]
    search_fields = ["name", "register_number"]


register_snippet(AuthorViewSet)
register_snippet(ReviewerViewSet)


class OverdueReviewsMenuItem(MenuItem):  # type: ignore[misc]
    def is_shown(self, request: Any) -> bool:
        return bool(
            PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])
        )


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]
def register_overdue_report_urls() -> list[URLPattern]:
    return [
        path("reports/overdue-reviews/", OverdueReviewsView.as_view(), name="editorial_overdue_reviews"),
        path(
            "medical-review/<int:page_id>/refused/<slug:code>/",
            approval_refused,
            name="editorial_approval_refused",
        ),
        path(
            "reports/overdue-reviews/results/",
            OverdueReviewsView.as_view(results_only=True),
            name="editorial_overdue_reviews_results",
        ),
    ]


@hooks.register("register_reports_menu_item")  # type: ignore[untyped-decorator]
def register_overdue_report_menu_item() -> MenuItem:
    return OverdueReviewsMenuItem(
        "Overdue medical reviews",
        reverse("editorial_overdue_reviews"),
        name="overdue-reviews",
        icon_name="warning",
        order=1200,
    )


def approval_refused(request: HttpRequest, page_id: int, code: str) -> HttpResponse:
    """Where a refused approval lands: the reason as an error message, then back to the guide's editor."""
    messages.error(request, REFUSALS.get(code, REFUSALS["stale"]))
    return redirect("wagtailadmin_pages:edit", page_id)


@hooks.register("before_publish_page")  # type: ignore[untyped-decorator]
def guides_go_live_only_by_approval(request: HttpRequest, page: Any) -> HttpResponse | None:
    """A guide's byline is signed by its approval, so "Publish" in the editor is refused for guides."""
    if not isinstance(page.specific, ArticlePage):
        return None
    messages.error(
        request,
        "Guides go live only when a medical reviewer approves them: your changes are saved as a draft. "
        "Use “Submit to Medical review” instead.",
    )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_serve_page", order=100)  # type: ignore[untyped-decorator]
def cache_public_pages(page: Any, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    """A page served to an anonymous reader may be cached whole (core/pagecache.py).

    Runs after Wagtail's own hook (order 0), which answers a restricted page with a sign-in or
    password page before this is reached; a visitor who passed a restriction has a session
    cookie, which bypasses the cache anyway.
    """
    from cosmediclist.core.pagecache import mark_public

    mark_public(request)
