"""The patient's requests as "My account" shows them: reached only through their own account."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from icalendar import Calendar

from cosmediclist.accounts.models import User
from cosmediclist.consultations.calendar import session_calendar
from cosmediclist.consultations.models import (
    ConsultationRequest,
    PlannedSession,
    RequestConcern,
    SessionStatus,
    TreatmentPlan,
)


def my_requests(user: User) -> QuerySet[ConsultationRequest]:
    plans = TreatmentPlan.objects.select_related("treatment").prefetch_related("sessions", "reminders")
    return (
        ConsultationRequest.objects.filter(user=user, erased_at__isnull=True)
        .select_related("clinic", "review")
        .prefetch_related(
            "treatments",
            "areas",
            Prefetch("concern_links", queryset=RequestConcern.objects.select_related("concern")),
            "answers",
            Prefetch("plans", queryset=plans),
        )
        .order_by("-created_at")
    )


def get_my_request(user: User, reference: str) -> ConsultationRequest:
    """The user's own request; ``Http404`` whether it is missing or someone else's."""
    found = my_requests(user).filter(reference=reference.upper()).first()
    if found is None:
        raise Http404("No such request")
    return found


def feed_sessions(user_id: int) -> list[PlannedSession]:
    """The account's scheduled sessions, for its secret calendar feed."""
    return list(
        PlannedSession.objects.filter(
            plan__request__user_id=user_id,
            plan__request__erased_at__isnull=True,
            status=SessionStatus.SCHEDULED,
        )
        .select_related("plan__request__clinic")
        .order_by("starts_at")
    )


def feed_calendar(sessions: list[PlannedSession]) -> str:
    """All sessions as one calendar, with the same UIDs as the emailed files (so apps merge them)."""
    calendar = Calendar()
    calendar.add("prodid", "-//CosMedicList//Treatment plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "CosMedicList treatment sessions")
    for session in sessions:
        single = Calendar.from_ical(session_calendar(session, clinic=session.plan.request.clinic))
        for event in single.walk("VEVENT"):
            calendar.add_component(event)
    return str(calendar.to_ical().decode())
