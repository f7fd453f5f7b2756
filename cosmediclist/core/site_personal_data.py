"""Core's own declarations: the audit log, and the third-party apps that hold staff records only."""

from __future__ import annotations

from django.db.models import QuerySet

from cosmediclist.core.models import AuditEvent
from cosmediclist.core.personal_data import (
    Holding,
    NotPersonal,
    Person,
    register,
    register_app_without_personal_data,
    stamp,
)


def _events_of(person: Person) -> QuerySet[AuditEvent]:
    if person.user_id is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(actor_id=person.user_id)


register(
    [
        Holding(
            model="core.auditevent",
            section="Activity log",
            description="What you did on the site, recorded as action names and ids (never your words).",
            find=_events_of,
            export=lambda event: {
                "at": stamp(event.created_at),
                "action": event.action,
                "object": f"{event.object_type}:{event.object_id}" if event.object_type else "",
            },
            # Kept, pseudonymous: deleting the account leaves the events with no actor.
            erase=lambda rows: 0,
            order=90,
            erasure="Kept without your account: only action names and ids remain.",
            kept="Kept for accountability; after erasure nothing in it names you",
        ),
    ],
    not_personal=[
        NotPersonal("auth.group", "Role names."),
        NotPersonal("auth.permission", "Permission names."),
        NotPersonal("taggit.tag", "Editorial tag names."),
        NotPersonal(
            "django_tasks_database.dbtaskresult", "Background jobs carry ids, never contact details."
        ),
    ],
)

_STAFF_ONLY = "The editors' CMS: pages, images, revisions and workflow by staff, never by the public."
for _app in (
    "wagtailcore",
    "wagtailadmin",
    "wagtailusers",
    "wagtaildocs",
    "wagtailimages",
    "wagtailembeds",
    "wagtailsearch",
    "wagtailforms",
    "wagtailredirects",
):
    register_app_without_personal_data(_app, _STAFF_ONLY)
register_app_without_personal_data("admin", "The Django admin's change history, written by administrators.")
