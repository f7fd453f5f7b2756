"""The editors' comment queue under /moderation/comments/ and the signed one-click email links."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cosmediclist.accounts.roles import is_editor
from cosmediclist.discussion import services, tokens
from cosmediclist.discussion.forms import BulkActionForm
from cosmediclist.discussion.models import Comment, Status

PER_PAGE = 50
MAX_PER_PAGE = 500
ACTION_LABELS = {"approve": "Approve", "spam": "Mark as spam", "trash": "Move to trash"}


def editors_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _per_page(raw: str | None) -> int:
    try:
        return min(max(int(raw or PER_PAGE), 1), MAX_PER_PAGE)
    except ValueError:
        return PER_PAGE


@require_safe
@editors_only
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", Status.PENDING)
    status = status if status in Status.values else Status.PENDING
    query = request.GET.get("q", "").strip()[:200]
    counts = Comment.objects.aggregate(**{s: Count("pk", filter=Q(status=s)) for s in Status.values})
    comments = (
        Comment.objects.for_queue().filter(status=status).matching(query).order_by("-created_at", "-id")
    )
    paginator = Paginator(comments, _per_page(request.GET.get("per_page")))
    listing = paginator.get_page(request.GET.get("page"))
    tabs = [(value, label, counts[value]) for value, label in Status.choices]
    return render(
        request,
        "discussion/moderation/queue.html",
        {"listing": listing, "status": status, "query": query, "tabs": tabs, "form": BulkActionForm()},
    )


@require_POST
@editors_only
def bulk_action(request: HttpRequest) -> HttpResponse:
    form = BulkActionForm(request.POST)
    back = request.POST.get("back", "")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        changed = services.moderate(
            comment_ids=form.cleaned_data["ids"], action=form.cleaned_data["action"], actor=request.user
        )
        messages.success(request, f"{changed} comment{'s' if changed != 1 else ''} updated.")
    return redirect(f"/moderation/comments/{back}" if back.startswith("?") else "discussion:queue")


@require_http_methods(["GET", "HEAD", "POST"])
def moderate_link(request: HttpRequest, token: str) -> HttpResponse:
    """A signed link from the moderators' email: GET asks to confirm, only POST acts."""
    try:
        comment_id, action = tokens.read_moderation_token(token)
    except signing.SignatureExpired:
        return render(request, "discussion/link_invalid.html", {"expired": True}, status=400)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return render(request, "discussion/link_invalid.html", status=400)
    comment = Comment.objects.filter(pk=comment_id).select_related("page").defer("email").first()
    if comment is None or action not in ACTION_LABELS:
        return render(request, "discussion/link_invalid.html", status=400)
    done = False
    if request.method == "POST":
        services.moderate(comment_ids=[comment.pk], action=action, actor=request.user, via="email-link")
        comment.refresh_from_db(fields=["status"])
        done = True
    return render(
        request,
        "discussion/moderation/confirm.html",
        {"comment": comment, "action": action, "label": ACTION_LABELS[action], "done": done},
    )
