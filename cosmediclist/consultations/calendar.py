"""Calendar files (.ics, RFC 5545) for planned sessions, made with the icalendar package."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpResponse
from django.utils import timezone
from icalendar import Alarm, Calendar, Event, vText

from cosmediclist.accounts.http import private
from cosmediclist.consultations import tokens
from cosmediclist.consultations.models import ConsultationRequest, PlannedSession, SessionStatus
from cosmediclist.core import origin

if TYPE_CHECKING:
    from cosmediclist.directory.models import Clinic

PRODID = "-//CosMedicList//Treatment plans//EN"
# When the calendar app reminds the patient, before the session starts.
ALARM_BEFORE = timedelta(hours=2)


def session_uid(session: PlannedSession) -> str:
    return f"cml-session-{session.plan_id}-{session.number}@cosmediclist"


def _details(session: PlannedSession, clinic: Clinic, link: str) -> str:
    lines = [f"{session.plan.treatment.name} session {session.number} at {clinic.name}."]
    if clinic.full_address:
        lines.append(f"Address: {clinic.full_address}")
    if clinic.phone:
        lines.append(f"To change or cancel, call the clinic on {clinic.phone}.")
    lines.append(f"Your request and plan: {link}")
    return "\n".join(lines)


def _alarm(session: PlannedSession, clinic: Clinic) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -ALARM_BEFORE)
    alarm.add("description", f"{session.plan.treatment.name} at {clinic.name} in two hours")
    return alarm


def session_calendar(session: PlannedSession, *, clinic: Clinic) -> str:
    """One event for the session, in the plan's time zone with its VTIMEZONE; no health data, ever.

    The event carries the clinic's address (LOCATION) and phone (CONTACT, and in the description),
    an alarm two hours before, and a link on SITE_URL to the patient's own request page (URL).
    Cancelled events carry METHOD:CANCEL and no alarm. The UID stays the same when a session
    moves and SEQUENCE goes up, so calendar apps update the event they already have.
    """
    plan = session.plan
    cancelled = session.status == SessionStatus.CANCELLED
    starts_at = timezone.localtime(session.starts_at, plan.zone)
    link = origin.absolute(tokens.status_path(plan.request.reference))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + timedelta(minutes=session.duration_minutes))
    event.add("summary", f"{plan.treatment.name} session {session.number} at {clinic.name}")
    event.add("location", vText(clinic.full_address))
    if clinic.phone:
        event.add("contact", vText(f"{clinic.name}, {clinic.phone}"))
    event.add("url", link)
    event.add("description", _details(session, clinic, link))
    event.add("sequence", session.sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if not cancelled:
        event.add_component(_alarm(session, clinic))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode())


def attachment(session: PlannedSession, *, clinic: Clinic) -> dict[str, Any]:
    return {
        "filename": f"session-{session.number}.ics",
        "content": session_calendar(session, clinic=clinic),
        "mimetype": "text/calendar",
    }


def appointment_uid(reference: str) -> str:
    return f"cml-consultation-{reference}@cosmediclist"


def appointment_attachment(
    *, reference: str, starts_at: datetime, minutes: int, sequence: int, clinic: Clinic, place: str
) -> dict[str, Any]:
    """The booked consultation as a calendar file, made like the sessions' files.

    In the site's time zone with its VTIMEZONE, an alarm two hours before, the place and the
    clinic's phone, and a link on SITE_URL to the patient's own request page. The UID stays and
    SEQUENCE rises on each rebooking, so calendar apps update the event they already have.
    """
    local = timezone.localtime(starts_at)
    link = origin.absolute(tokens.status_path(reference))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", appointment_uid(reference))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", local)
    event.add("dtend", local + timedelta(minutes=minutes))
    event.add("summary", f"Consultation at {clinic.name} ({reference})")
    event.add("location", vText(place))
    if clinic.phone:
        event.add("contact", vText(f"{clinic.name}, {clinic.phone}"))
    event.add("url", link)
    lines = [f"Your consultation at {clinic.name}.", f"Where: {place}"]
    if clinic.phone:
        lines.append(f"To change or cancel, call the clinic on {clinic.phone}.")
    lines.append(f"Your request: {link}")
    event.add("description", "\n".join(lines))
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -ALARM_BEFORE)
    alarm.add("description", f"Consultation at {clinic.name} in two hours")
    event.add_component(alarm)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return {
        "filename": f"consultation-{reference}.ics",
        "content": str(calendar.to_ical().decode()),
        "mimetype": "text/calendar",
    }


def session_download(request: ConsultationRequest, number: int) -> HttpResponse:
    """Session ``number`` of the request's plans as a calendar file to download (the patient's
    status page and "My account" both offer it); ``Http404`` when there is none or it was cancelled."""
    for plan in request.plans.all():
        for session in plan.sessions.all():
            if session.number == number and session.status != SessionStatus.CANCELLED:
                response = HttpResponse(
                    session_calendar(session, clinic=request.clinic),
                    content_type="text/calendar; charset=utf-8",
                )
                response["Content-Disposition"] = f'attachment; filename="session-{number}.ics"'
                return private(response)
    raise Http404("No such session")
