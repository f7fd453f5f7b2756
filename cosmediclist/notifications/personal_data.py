"""What the outbox holds about a person: every email sent, or queued, to their addresses."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from cosmediclist.core.personal_data import Holding, Person, register, stamp
from cosmediclist.notifications.models import OutgoingEmail


def _emails_to(person: Person) -> QuerySet[OutgoingEmail]:
    query = Q(pk__in=[])
    for address in person.emails:
        query |= Q(to__iexact=address)
    return OutgoingEmail.objects.filter(query)


register(
    [
        Holding(
            model="notifications.outgoingemail",
            section="Emails sent to you",
            description="Each email the site sent or will send you: which message, when, and its status.",
            find=_emails_to,
            export=lambda email: {
                "message": email.template,
                "to": email.to,
                "queued_at": stamp(email.created_at),
                "sent_at": stamp(email.sent_at),
                "status": email.get_status_display(),
            },
            erase=lambda rows: int(rows.delete()[0]),
            order=60,
            retention="EMAIL_RETENTION_DAYS",
            erasure="Deleted.",
        ),
    ]
)
