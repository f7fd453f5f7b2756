"""Public comment pages: all comments on a page, posting, permalinks, edit, delete, report, unsubscribe."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Page

from cosmediclist.accounts.http import AuthenticatedHttpRequest, private
from cosmediclist.core import ratelimit
from cosmediclist.discussion import services, tokens
from cosmediclist.discussion.forms import CommentForm, EditForm, ReportForm
from cosmediclist.discussion.models import Comment, ModerationSettings, Status
from cosmediclist.discussion.rules import looks_like_medical_question
from cosmediclist.discussion.selectors import thread_page_of

REPORTS_PER_HOUR = 10


def _live_page(page_id: int) -> Page:
    page = Page.objects.live().filter(pk=page_id, depth__gt=1).first()
    if page is None:
        raise Http404("No such page")
    return page


def _render_comments(request: HttpRequest, page: Page, *, status: int = 200, **extra: Any) -> HttpResponse:
    return render(request, "discussion/page_comments.html", {"page": page, **extra}, status=status)


@require_safe
def page_comments(request: HttpRequest, page_id: int) -> HttpResponse:
    return _render_comments(request, _live_page(page_id))


def _back_to(request: HttpRequest, page: Page, comment: Comment, rules: ModerationSettings) -> str:
    """Where to show the new comment: the page the form was on, at the right page of threads."""
    comments_path = reverse("discussion:page-comments", args=[page.pk])
    next_url = str(request.POST.get("next", ""))
    path = urlsplit(next_url).path if url_has_allowed_host_and_scheme(next_url, None) else ""
    if path not in {comments_path, page.url or comments_path}:
        path = comments_path
    number = thread_page_of(comment, rules=rules) if comment.status == Status.APPROVED else 1
    query = f"?cpage={number}" if number > 1 else ""
    anchor = comment.anchor if comment.status in (Status.APPROVED, Status.PENDING) else "comments"
    return f"{path}{query}#{anchor}"


@require_POST
def post_comment(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _live_page(page_id)
    rules = ModerationSettings.load(request)
    form = CommentForm(request.POST, user=request.user, rules=rules)
    if not form.is_valid():
        return _render_comments(request, page, status=400, comment_form=form)
    data = form.cleaned_data
    if "preview" in request.POST:
        preview = {**data, "looks_medical": looks_like_medical_question(data["body"])}
        return _render_comments(request, page, comment_form=form, comment_preview=preview)
    ip = ratelimit.client_ip(request)
    if not ratelimit.hit("comment-post", ip, limit=rules.posts_per_hour, window=3600).allowed:
        form.add_error(None, "You have posted a lot of comments in the last hour. Please try again later.")
        return _render_comments(request, page, status=429, comment_form=form)
    token = tokens.ensure_author_token(request)
    user = request.user if request.user.is_authenticated else None
    try:
        comment = services.post_comment(
            page=page,
            parent_id=data.get("parent"),
            name=data["name"],
            email=user.email if user is not None else data["email"],
            website=data.get("website") or "",
            body=data["body"],
            ip=ip,
            author_token=token,
            user=user,
            notify_replies=data.get("notify_replies", False),
            rules=rules,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_comments(request, page, status=400, comment_form=form)
    if comment.status == Status.APPROVED:
        messages.success(request, "Thank you: your comment is published.")
    else:
        messages.success(
            request, "Thank you: your comment is awaiting moderation. Only you can see it for now."
        )
    response = HttpResponseRedirect(_back_to(request, page, comment, rules))
    tokens.set_author_cookie(response, token)
    if data.get("remember"):
        tokens.remember_author(
            response, name=data["name"], email=data["email"], website=data.get("website") or ""
        )
    elif tokens.REMEMBER_COOKIE in request.COOKIES:
        tokens.forget_author(response)
    return response


@require_safe
def permalink(request: HttpRequest, comment_id: int) -> HttpResponse:
    """``/comments/c/<id>/``: to the page of comments that shows it, at its anchor."""
    author = tokens.author_hash(request)
    comment = get_object_or_404(Comment.objects.visible_to(author).only(*_PERMALINK_FIELDS), pk=comment_id)
    number = thread_page_of(comment, rules=ModerationSettings.load(request))
    query = f"?cpage={number}" if number > 1 else ""
    return redirect(f"{reverse('discussion:page-comments', args=[comment.page_id])}{query}#{comment.anchor}")


_PERMALINK_FIELDS = ("id", "page_id", "thread_id", "status", "created_at")


def _own_comment(request: HttpRequest, comment_id: int) -> tuple[Comment, str]:
    """The visitor's own comment (same browser) or 404: nobody learns whose comment it is."""
    author = tokens.author_hash(request)
    comment = Comment.objects.filter(pk=comment_id, author_token_hash=author).select_related("page").first()
    if not author or comment is None or comment.status not in (Status.PENDING, Status.APPROVED):
        raise Http404("No such comment")
    return comment, author


@require_http_methods(["GET", "HEAD", "POST"])
def edit_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, author = _own_comment(request, comment_id)
    form = EditForm(request.POST if request.method == "POST" else None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.edit_comment(comment=comment, author_hash=author, body=form.cleaned_data["body"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Your comment is updated.")
                return redirect("discussion:permalink", comment_id=comment.pk)
        status = 400
    return render(request, "discussion/edit.html", {"form": form, "comment": comment}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def delete_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, author = _own_comment(request, comment_id)
    error = ""
    if request.method == "POST":
        try:
            services.delete_own_comment(comment=comment, author_hash=author)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, "Your comment is deleted.")
            return redirect("discussion:page-comments", page_id=comment.page_id)
    return render(
        request, "discussion/delete.html", {"comment": comment, "error": error}, status=400 if error else 200
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.approved().select_related("page").defer("email"), pk=comment_id
    )
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        ip = ratelimit.client_ip(request)
        if not form.is_valid():
            return render(request, "discussion/report.html", {"form": form, "comment": comment}, status=400)
        if not ratelimit.hit("comment-report", ip, limit=REPORTS_PER_HOUR, window=3600).allowed:
            form.add_error(None, "You have sent a lot of reports in the last hour. Please try again later.")
            return render(request, "discussion/report.html", {"form": form, "comment": comment}, status=429)
        services.report_comment(comment=comment, ip=ip, reason=form.cleaned_data["reason"])
        messages.success(request, "Thank you: a moderator will look at this comment.")
        return redirect("discussion:page-comments", page_id=comment.page_id)
    return render(request, "discussion/report.html", {"form": form, "comment": comment})


@csrf_exempt  # the signed token is the credential; mail clients send the one-click POST without a cookie
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        comment_id = tokens.read_unsubscribe_token(token)
    except (ValueError, TypeError, signing.BadSignature):
        return render(request, "discussion/link_invalid.html", status=400)
    done = request.method == "POST"
    if done:
        services.unsubscribe_replies(comment_id=comment_id)
    return render(request, "discussion/unsubscribe.html", {"done": done})


@login_required
def my_comments(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The reader's own comments, newest first ("My account")."""
    comments = Comment.objects.filter(user=request.user).select_related("page").order_by("-created_at")
    return private(render(request, "accounts/my_comments.html", {"comments": comments}))
