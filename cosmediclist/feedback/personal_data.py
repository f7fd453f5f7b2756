"""What readers' messages hold about a person: found by the email address they gave."""

from __future__ import annotations

from django.db.models import QuerySet

from cosmediclist.core.personal_data import Holding, Person, register, stamp
from cosmediclist.feedback.models import Message


def _messages_of(person: Person) -> QuerySet[Message]:
    if not person.emails:
        return Message.objects.none()
    return Message.objects.filter(email__in=person.email_q_values)


register(
    [
        Holding(
            model="feedback.message",
            section="Messages to us",
            description="Messages you sent through the contact form and reports about guides or clinics.",
            find=_messages_of,
            export=lambda message: {
                "at": stamp(message.created_at),
                "kind": message.get_kind_display(),
                "name": message.name,
                "email": message.email,
                "message": message.body,
            },
            erase=lambda rows: rows.delete()[0],
            order=40,
            retention="FEEDBACK_RETENTION_DAYS",
            erasure="Deleted.",
        )
    ]
)
