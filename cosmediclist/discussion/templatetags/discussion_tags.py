"""``{% comment_section page %}``: the threaded comments of a page with the form to join in."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from wagtail.models import Page

from cosmediclist.core.navigation import _reverse_or_none
from cosmediclist.discussion import tokens
from cosmediclist.discussion.forms import CommentForm
from cosmediclist.discussion.selectors import build_section

register = template.Library()


def _fresh_form(request: Any, section_parent: int | None) -> CommentForm:
    initial: dict[str, Any] = {"next": request.path}
    if section_parent:
        initial["parent"] = section_parent
    if request.user.is_authenticated:
        initial["name"] = request.user.get_full_name()
    else:
        remembered = tokens.remembered_author(request)
        if remembered:
            initial.update(remembered, remember=True)
    return CommentForm(initial=initial, user=request.user)


@register.inclusion_tag("discussion/_comment_section.html", takes_context=True)
def comment_section(context: template.Context, page: Page) -> dict[str, Any]:
    """Everything about the comments of ``page``, in a fixed number of queries.

    A view that re-renders after a failed post puts ``comment_form`` (bound, with what was
    typed) and, for a preview, ``comment_preview`` in the context.
    """
    request = context["request"]
    section = build_section(request=request, page=page)
    form = context.get("comment_form")
    reply_id = None
    if form is None:
        try:
            reply_id = int(request.GET.get("replyto", "") or 0) or None
        except ValueError:
            reply_id = None
        if reply_id is not None and (reply_id not in section.nodes or not section.nodes[reply_id].can_reply):
            reply_id = None
        form = _fresh_form(request, reply_id)
    else:
        raw = form.data.get("parent") if form.is_bound else None
        reply_id = int(raw) if raw and str(raw).isdigit() else None
    return {
        "section": section,
        "form": form,
        "preview": context.get("comment_preview"),
        "reply_to": section.nodes.get(reply_id) if reply_id else None,
        "started": tokens.started_token(),
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "clinics_url": _reverse_or_none("directory:search"),
        "privacy_url": reverse("core:privacy"),
    }
