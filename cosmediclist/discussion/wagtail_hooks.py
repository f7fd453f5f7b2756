"""The comment moderation queue in the CMS menu, for the editors who may use it."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cosmediclist.accounts.roles import is_editor


class ModerationMenuItem(MenuItem):  # type: ignore[misc]
    def is_shown(self, request: HttpRequest) -> bool:
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]
def comment_queue_menu_item() -> MenuItem:
    return ModerationMenuItem("Comments", reverse("discussion:queue"), icon_name="comment", order=250)
