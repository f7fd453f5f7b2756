"""Discussion's every-minute job (``settings.PERIODIC_JOBS``): address hashes past their retention."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts.retention import audited
from cosmediclist.core.retention import retention_days
from cosmediclist.discussion.models import Comment, CommentReport


def purge_comment_address_hashes() -> int:
    """Keyed address hashes on comments and reports older than COMMENT_IP_RETENTION_DAYS."""
    cutoff = timezone.now() - timedelta(days=retention_days("COMMENT_IP_RETENTION_DAYS"))
    with transaction.atomic():
        blanked = Comment.objects.filter(created_at__lt=cutoff).exclude(ip_hash="").update(ip_hash="")
        reports = CommentReport.objects.filter(created_at__lt=cutoff).delete()[0]
        return audited("comment_address_hashes", int(blanked) + int(reports))
