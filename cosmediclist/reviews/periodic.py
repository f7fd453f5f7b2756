"""Periodic: invite treated patients to review, schedule and send outcome check-ins. Safe to run twice."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from cosmediclist.accounts.reader import switched_off
from cosmediclist.consultations.models import (
    ConsultationRequest,
    PlannedSession,
    PlanStatus,
    SessionStatus,
    Status,
    TreatmentPlan,
)
from cosmediclist.notifications.services import queue_email
from cosmediclist.reviews import tokens
from cosmediclist.reviews.models import OutcomeCheckIn, ReviewInvitation, Visible
from cosmediclist.reviews.services import invitations, outcomes

BATCH = 200
WINDOW = timedelta(days=183)


def _last_session_start() -> Subquery:
    sessions = (
        PlannedSession.objects.filter(status=SessionStatus.SCHEDULED, plan__request=OuterRef("pk"))
        .exclude(plan__status=PlanStatus.CANCELLED)
        .order_by("-starts_at")
    )
    return Subquery(sessions.values("starts_at")[:1])


def invite_treated() -> int:
    """Create an invitation for each request newly "treated", or whose plan's last session is past.

    The treatment moment is the last session's start when it is past, else the moment the runner
    first sees the request treated (it runs every minute). Requests treated more than six
    months ago are left alone.
    """
    now = timezone.now()
    candidates = (
        ConsultationRequest.objects.filter(review_invitation__isnull=True)
        .exclude(status=Status.DECLINED)
        .annotate(last_end=_last_session_start())
        .filter(Q(status=Status.TREATED) | Q(last_end__lt=now, last_end__gt=now - WINDOW))
        .prefetch_related("treatments", "plans")[:BATCH]
    )
    made = 0
    for request in candidates:
        last_end = request.last_end  # type: ignore[attr-defined]
        treated_at = last_end if last_end is not None and last_end < now else now
        plans = [p for p in request.plans.all() if p.status != PlanStatus.CANCELLED]
        treatments = list(request.treatments.all())
        treatment_id = plans[0].treatment_id if plans else (treatments[0].pk if treatments else None)
        if invitations.invite(request=request, treated_at=treated_at, treatment_id=treatment_id):
            made += 1
    return made


def send_due_invitations() -> int:
    """Queue every invitation whose day has come (not to a patient who stopped our messages).

    One whose patient switched review emails off in "My account" waits (until it expires).
    """
    now = timezone.now()
    due = (
        ReviewInvitation.objects.filter(send_after__lte=now, sent_at__isnull=True, expires_at__gt=now)
        .filter(request__reminders_unsubscribed_at__isnull=True)
        .exclude(switched_off("review_emails", "request__email"))
        .select_related("request", "clinic", "treatment")[:BATCH]
    )
    count = 0
    for invitation in due:
        invitations.send_invitation(invitation, now=now)
        count += 1
    return count


def schedule_finished_plans() -> int:
    """Create the 3-, 6- and 12-month check-ins for plans whose last session is now past."""
    now = timezone.now()
    last = (
        PlannedSession.objects.filter(plan=OuterRef("pk"), status=SessionStatus.SCHEDULED)
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )
    plans = (
        TreatmentPlan.objects.exclude(status=PlanStatus.CANCELLED)
        .filter(check_ins__isnull=True)
        .annotate(last_start=Subquery(last))
        .filter(last_start__lt=now, last_start__gt=now - timedelta(days=400))
        .select_related("request")[:BATCH]
    )
    count = 0
    for plan in plans:
        count += len(outcomes.schedule_check_ins(plan=plan, finished_at=plan.last_start, now=now))
    return count


def send_due_check_ins() -> int:
    """Queue every check-in that is due, then mark it sent; one outbox key per check-in."""
    now = timezone.now()
    due = list(
        OutcomeCheckIn.objects.due(now)
        .select_related("plan__request__clinic", "treatment")
        .filter(plan__request__reminders_unsubscribed_at__isnull=True)
        .exclude(switched_off("review_emails", "plan__request__email"))[:BATCH]
    )
    for check_in in due:
        request = check_in.plan.request
        path = tokens.check_in_path(check_in.pk)
        unsubscribe = tokens.unsubscribe_path(request.pk)
        with transaction.atomic():
            queue_email(
                key=f"check-in:{check_in.pk}",
                template="outcome_check_in",
                to=request.email,
                context={
                    "name": request.name,
                    "months": check_in.months,
                    "treatment_name": check_in.treatment.name,
                    "clinic_name": request.clinic.name,
                    "check_in_path": path,
                    "answers": [(label, f"{path}?visible={value}") for value, label in Visible.choices],
                    "unsubscribe_path": unsubscribe,
                },
                headers={
                    "List-Unsubscribe": f"<{settings.SITE_URL}{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            OutcomeCheckIn.objects.filter(pk=check_in.pk).update(sent_at=now)
    return len(due)


def run() -> dict[str, int]:
    """The every-minute job (settings.PERIODIC_JOBS)."""
    return {
        "invited": invite_treated(),
        "invitations_sent": send_due_invitations(),
        "check_ins_scheduled": schedule_finished_plans(),
        "check_ins_sent": send_due_check_ins(),
    }
