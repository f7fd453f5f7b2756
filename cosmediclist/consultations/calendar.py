"""Calendar files (.ics, RFC 5545) for planned sessions, made with the icalendar package."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from cosmediclist.consultations.models import PlannedSession, SessionStatus

PRODID = "-//CosMedicList//Treatment plans//EN"


def session_uid(session: PlannedSession) -> str:
    return f"cml-session-{session.plan_id}-{session.number}@cosmediclist"


def session_calendar(session: PlannedSession, *, clinic_name: str, address: str) -> str:
    """One event for the session (cancelled events carry METHOD:CANCEL); no health data, ever.

    The UID stays the same when a session moves and SEQUENCE goes up, so calendar apps update
    the event they already have instead of adding a second one.
    """
    plan = session.plan
    cancelled = session.status == SessionStatus.CANCELLED
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.starts_at + timedelta(minutes=session.duration_minutes))
    event.add("summary", f"{plan.treatment.name} session {session.number} at {clinic_name}")
    event.add("location", address)
    event.add("description", f"Your treatment plan: {settings.SITE_URL}")
    event.add("sequence", session.sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return str(calendar.to_ical().decode())


def attachment(session: PlannedSession, *, clinic_name: str, address: str) -> dict[str, Any]:
    return {
        "filename": f"session-{session.number}.ics",
        "content": session_calendar(session, clinic_name=clinic_name, address=address),
        "mimetype": "text/calendar",
    }


def appointment_uid(reference: str) -> str:
    return f"cml-consultation-{reference}@cosmediclist"


def appointment_attachment(
    *, reference: str, starts_at: datetime, minutes: int, sequence: int, clinic_name: str, place: str
) -> dict[str, Any]:
    """The booked consultation as a calendar file; the UID stays, SEQUENCE rises on each rebooking."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", appointment_uid(reference))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + timedelta(minutes=minutes))
    event.add("summary", f"Consultation at {clinic_name} ({reference})")
    event.add("location", place)
    event.add("description", f"Your consultation request {reference}: {settings.SITE_URL}")
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return {
        "filename": f"consultation-{reference}.ics",
        "content": str(calendar.to_ical().decode()),
        "mimetype": "text/calendar",
    }
