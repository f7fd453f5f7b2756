"""Periodic purges: each kind of personal data is kept for its own setting's number of days, then goes.

Each job is safe to run twice and records one audit event per run that purged something.
Questionnaire answers have their own job (consultations/retention.py, INTAKE_RETENTION_DAYS).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts.models import SignInLink
from cosmediclist.core import audit


def _cutoff(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def _audited(kind: str, count: int) -> int:
    if count:
        audit.record(actor=None, action="retention.purged", data={"kind": kind, "count": count})
    return count


def purge_old_emails() -> int:
    """Outbox rows sent or failed more than EMAIL_RETENTION_DAYS ago: address and context go."""
    from cosmediclist.notifications.models import OutgoingEmail

    with transaction.atomic():
        done = OutgoingEmail.objects.filter(
            status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED],
            updated_at__lt=_cutoff(settings.EMAIL_RETENTION_DAYS),
        )
        return _audited("emails", int(done.delete()[0]))


def purge_sign_in_links() -> int:
    with transaction.atomic():
        old = SignInLink.objects.filter(created_at__lt=_cutoff(settings.SIGN_IN_LINK_RETENTION_DAYS))
        return _audited("sign_in_links", int(old.delete()[0]))


def purge_comment_address_hashes() -> int:
    """Keyed address hashes on comments and reports older than COMMENT_IP_RETENTION_DAYS."""
    from cosmediclist.discussion.models import Comment, CommentReport

    cutoff = _cutoff(settings.COMMENT_IP_RETENTION_DAYS)
    with transaction.atomic():
        blanked = Comment.objects.filter(created_at__lt=cutoff).exclude(ip_hash="").update(ip_hash="")
        reports = CommentReport.objects.filter(created_at__lt=cutoff).delete()[0]
        return _audited("comment_address_hashes", int(blanked) + int(reports))


def purge_expired_sessions() -> int:
    """Database sessions past their expiry (with Redis sessions expire by themselves)."""
    with transaction.atomic():
        return _audited("sessions", int(Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]))


def purge_old_requests() -> int:
    """Requests finished more than REQUEST_RETENTION_DAYS ago are erased like an erasure request."""
    from cosmediclist.consultations.models import FINISHED, ConsultationRequest
    from cosmediclist.consultations.services.privacy import erase_requests

    with transaction.atomic():
        old = ConsultationRequest.objects.filter(
            status__in=FINISHED,
            finished_at__lt=_cutoff(settings.REQUEST_RETENTION_DAYS),
            erased_at__isnull=True,
        )
        return _audited("requests", erase_requests(old))
