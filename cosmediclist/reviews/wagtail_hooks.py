"""The review moderation queue in the CMS menu, for the editors who may use it."""

from __future__ import annotations

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cosmediclist.discussion.wagtail_hooks import ModerationMenuItem


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]
def review_queue_menu_item() -> MenuItem:
    return ModerationMenuItem("Reviews", reverse("reviews:queue"), icon_name="pick", order=251)
