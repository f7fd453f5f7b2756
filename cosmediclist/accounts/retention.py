"""Periodic purges: each kind of personal data is kept for its own setting's number of days, then goes.

Each job is safe to run twice and records one audit event per run that purged something.
Consultation requests and their answers (consultations/tasks.py) and the address hashes on comments
(discussion/tasks.py) have their own jobs.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts.models import SignInLink
from cosmediclist.core import audit
from cosmediclist.core.retention import retention_days
from cosmediclist.notifications.models import OutgoingEmail


def _cutoff(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def audited(kind: str, count: int) -> int:
    """Record one "retention.purged" event for a run that purged something; returns ``count``."""
    if count:
        audit.record(actor=None, action="retention.purged", data={"kind": kind, "count": count})
    return count


def purge_old_emails() -> int:
    """Outbox rows sent or failed more than EMAIL_RETENTION_DAYS ago: address and context go."""
    with transaction.atomic():
        done = OutgoingEmail.objects.filter(
            status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED],
            updated_at__lt=_cutoff(retention_days("EMAIL_RETENTION_DAYS")),
        )
        return audited("emails", int(done.delete()[0]))


def purge_sign_in_links() -> int:
    with transaction.atomic():
        old = SignInLink.objects.filter(created_at__lt=_cutoff(retention_days("SIGN_IN_LINK_RETENTION_DAYS")))
        return audited("sign_in_links", int(old.delete()[0]))


def purge_expired_sessions() -> int:
    """Database sessions past their expiry (with Redis sessions expire by themselves)."""
    with transaction.atomic():
        return audited("sessions", int(Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]))
