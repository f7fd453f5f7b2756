"""Review invitations: one per treated request, sent a day after treatment, open for six months."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.services.requests import add_months
from cosmediclist.core import audit
from cosmediclist.notifications.services import queue_email
from cosmediclist.reviews import tokens
from cosmediclist.reviews.models import ReviewInvitation

SEND_DELAY = timedelta(days=1)
WINDOW_MONTHS = 6


def invite(
    *, request: ConsultationRequest, treated_at: datetime, treatment_id: int | None
) -> ReviewInvitation | None:
    """Create the request's invitation, due SEND_DELAY after ``treated_at``; None if it already has one."""
    try:
        with transaction.atomic():
            invitation = ReviewInvitation.objects.create(
                request=request,
                clinic_id=request.clinic_id,
                treatment_id=treatment_id,
                treated_at=treated_at,
                send_after=treated_at + SEND_DELAY,
                expires_at=add_months(treated_at, WINDOW_MONTHS),
            )
            audit.record(
                actor=None,
                action="review.invitation_created",
                obj=invitation,
                clinic_id=request.clinic_id,
                data={"reference": request.reference},
            )
    except IntegrityError:
        return None
    return invitation


def send_invitation(invitation: ReviewInvitation, *, now: datetime) -> None:
    """Queue the invitation email (outbox key per invitation: sent once) and mark it sent."""
    request = invitation.request
    with transaction.atomic():
        queue_email(
            key=f"review-invitation:{invitation.pk}",
            template="review_invitation",
            to=request.email,
            context={
                "name": request.name,
                "clinic_name": invitation.clinic.name,
                "treatment_name": invitation.treatment.name if invitation.treatment else "",
                "write_path": tokens.invitation_path(invitation.pk),
                "closes_on": f"{timezone.localtime(invitation.expires_at):%-d %B %Y}",
                "policy_path": reverse("reviews:policy"),
            },
        )
        ReviewInvitation.objects.filter(pk=invitation.pk).update(sent_at=now)
