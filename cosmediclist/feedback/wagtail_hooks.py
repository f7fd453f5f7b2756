"""Readers' messages in Wagtail's admin: the editors' and administrators' queue, audited."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cosmediclist.core import audit
from cosmediclist.feedback.models import Message


class MessageViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Message
    icon = "mail"
    menu_label = "Messages from readers"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "status", "created_at"]
    list_filter = ["kind", "status"]
    panels = [
        FieldPanel("status"),
        FieldPanel("handled_at"),
        FieldPanel("kind", read_only=True),
        FieldPanel("page", read_only=True),
        FieldPanel("clinic", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("body", read_only=True),
    ]


register_snippet(MessageViewSet)


@hooks.register("after_edit_snippet")  # type: ignore[untyped-decorator]
def audit_edited(request: HttpRequest, instance: Model) -> None:
    if isinstance(instance, Message):
        audit.record(actor=request.user, action="feedback.message_edited", obj=instance)


@hooks.register("after_delete_snippet")  # type: ignore[untyped-decorator]
def audit_deleted(request: HttpRequest, instances: list[Model]) -> None:
    for instance in instances:
        if isinstance(instance, Message):
            audit.record(actor=request.user, action="feedback.message_deleted", obj=instance)
