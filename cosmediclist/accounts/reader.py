"""The reader's own data, reached only through their account: requests, plans, feed, preferences."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from cosmediclist.accounts.models import CalendarFeed, EmailPreferences, User
from cosmediclist.consultations.models import (
    ConsultationRequest,
    PlannedSession,
    RequestConcern,
    SessionStatus,
    TreatmentPlan,
)
from cosmediclist.core import audit


def my_requests(user: User) -> QuerySet[ConsultationRequest]:
    plans = TreatmentPlan.objects.select_related("treatment").prefetch_related("sessions", "reminders")
    return (
        ConsultationRequest.objects.filter(user=user, erased_at__isnull=True)
        .select_related("clinic")
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


def preferences_of(user: User) -> EmailPreferences:
    found, _ = EmailPreferences.objects.get_or_create(user=user)
    return found


def wants(email: str, kind: str) -> bool:
    """Whether the account under ``email`` (if any) keeps ``kind`` of email switched on."""
    prefs = EmailPreferences.objects.filter(user__email__iexact=email).values_list(kind, flat=True).first()
    return True if prefs is None else bool(prefs)


def switched_off(kind: str, email_field: str) -> Exists:
    """For a queryset annotation: whether the account under the row's ``email_field`` turned ``kind`` off."""
    return Exists(EmailPreferences.objects.filter(user__email__iexact=OuterRef(email_field), **{kind: False}))


def save_preferences(*, user: User, **switches: bool) -> EmailPreferences:
    with transaction.atomic():
        prefs = preferences_of(user)
        for name, value in switches.items():
            setattr(prefs, name, value)
        prefs.save()
        audit.record(actor=user, action="account.preferences_changed", obj=user, data=switches)
    return prefs


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_calendar_feed(*, user: User) -> str:
    """A new secret feed address token (any earlier one stops working); shown once, stored hashed."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        CalendarFeed.objects.create(user=user, token_hash=_hash(token))
        audit.record(actor=user, action="account.calendar_feed_created", obj=user)
    return token


def revoke_calendar_feed(*, user: User) -> None:
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        audit.record(actor=user, action="account.calendar_feed_revoked", obj=user)


def feed_sessions(token: str) -> list[PlannedSession]:
    """The scheduled sessions of the feed's owner; ``Http404`` for a revoked or unknown token."""
    feed = CalendarFeed.objects.filter(token_hash=_hash(token)).first()
    if feed is None:
        raise Http404("No such calendar")
    return list(
        PlannedSession.objects.filter(
            plan__request__user_id=feed.user_id,
            plan__request__erased_at__isnull=True,
            status=SessionStatus.SCHEDULED,
        )
        .select_related("plan__request__clinic")
        .order_by("starts_at")
    )


def feed_calendar(sessions: list[PlannedSession]) -> str:
    """All sessions as one calendar, with the same UIDs as the emailed files (so apps merge them)."""
    from icalendar import Calendar

    from cosmediclist.consultations.calendar import session_calendar

    calendar = Calendar()
    calendar.add("prodid", "-//CosMedicList//Treatment plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "CosMedicList treatment sessions")
    for session in sessions:
        clinic = session.plan.request.clinic
        single = Calendar.from_ical(session_calendar(session, clinic=clinic))
        for event in single.walk("VEVENT"):
            calendar.add_component(event)
    return str(calendar.to_ical().decode())
