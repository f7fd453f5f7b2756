"""Each .ics file the patient gets: time zone, alarm, the clinic's address and phone, a link home."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import time_machine
from django.conf import settings
from django.test import Client
from icalendar import Calendar

from cosmediclist.consultations import services
from cosmediclist.consultations.tasks import send_due_reminders
from cosmediclist.consultations.tests.factories import clear
from cosmediclist.core.periodic import run_due
from tests.worker import run_tasks

START = datetime(2031, 7, 7, 9, 0, tzinfo=UTC)  # 10:00 in London (summer time)


def calendars(smtp_server: Any) -> list[Calendar]:
    return [
        Calendar.from_ical(part.get_payload(decode=True))
        for message in smtp_server.messages
        for part in message.walk()
        if part.get_content_type() == "text/calendar"
    ]


def check_file(calendar: Calendar, clinic: Any, consultation: Any, client: Client) -> None:
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTART").hour == 10
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == -timedelta(hours=2)
    assert str(event["LOCATION"]) == clinic.full_address and clinic.address in str(event["LOCATION"])
    assert clinic.phone in str(event["CONTACT"]) and clinic.phone in str(event["DESCRIPTION"])
    link = str(event["URL"])
    assert link.startswith(f"{settings.SITE_URL}/consultations/{consultation.reference}/?t=")
    assert link in str(event["DESCRIPTION"])
    parts = urlsplit(link)
    page = client.get(f"{parts.path}?{parts.query}")
    assert page.status_code == 200 and consultation.reference in page.content.decode()
    assert "Warfarin" not in calendar.to_ical().decode()


def test_every_calendar_file_of_a_plan_and_its_reminders_carries_zone_alarm_clinic_and_link(
    consultation: Any, clinic: Any, clinic_staff: Any, clinician: Any, treatment: Any, smtp_server: Any
) -> None:
    clinic.phone = "0161 496 0000"
    clinic.save()
    clear(consultation, clinician)  # the request is flagged (anticoagulants): a clinician clears it first
    with time_machine.travel(START - timedelta(days=30), tick=False):
        starts = services.default_session_starts(treatment, START)
        services.record_plan(
            actor=clinic_staff, request=consultation, treatment=treatment, starts=starts, duration_minutes=45
        )
        run_tasks()
    with time_machine.travel(START - timedelta(days=7, minutes=-1), tick=False):
        send_due_reminders()
        run_due()
        run_tasks()
    files = calendars(smtp_server)
    assert len(files) == 5  # four sessions with the plan, and the week-before reminder's
    for calendar in files:
        check_file(calendar, clinic, consultation, Client())
