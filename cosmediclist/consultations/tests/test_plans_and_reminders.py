"""Plans pre-filled from the catalogue; .ics files; reminders queued once by the periodic job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from icalendar import Calendar

from cosmediclist.consultations import services
from cosmediclist.consultations.models import PlanStatus, Reminder, ReminderKind
from cosmediclist.consultations.tasks import send_due_reminders
from cosmediclist.consultations.tests.factories import clear, submit
from cosmediclist.core.models import AuditEvent
from cosmediclist.core.periodic import run_due
from cosmediclist.notifications.models import OutgoingEmail
from tests.personas import client_for
from tests.worker import run_tasks

START = datetime(2031, 3, 3, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cleared_by_a_clinician(consultation, clinician) -> None:
    """These tests are about plans: the flagged request has been cleared (the gate has its own tests)."""
    clear(consultation, clinician)


def record(consultation, clinic_staff, treatment) -> Any:
    starts = services.default_session_starts(treatment, START)
    return services.record_plan(
        actor=clinic_staff, request=consultation, treatment=treatment, starts=starts, duration_minutes=45
    )


def test_the_plan_form_is_prefilled_from_the_catalogue(staff_client, consultation) -> None:
    page = staff_client.get(f"/portal/inbox/{consultation.reference}/plan/").content.decode()
    assert page.count('type="datetime-local"') == 4  # mesotherapy: 4 sessions
    assert 'value="60"' in page  # the catalogue's longest session


def test_the_prefilled_first_session_leaves_room_for_the_week_before_reminder(
    staff_client, clinic_staff, consultation
) -> None:
    import re

    today = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    for hour in (7, 22):  # morning and late evening (London is UTC or UTC+1)
        moment = today.replace(hour=hour)
        with time_machine.travel(moment, tick=False):
            staff_client.force_login(clinic_staff)  # hours apart: an idle staff session would have ended
            page = staff_client.get(f"/portal/inbox/{consultation.reference}/plan/").content.decode()
            first = re.search(r'name="session_1" value="([^"]+)"', page)
            assert first, page[:300]
            starts = datetime.fromisoformat(first.group(1)).replace(tzinfo=UTC)
            assert starts - timedelta(days=7) > moment + timedelta(hours=1)


def test_recording_a_plan_in_the_clinics_time_zone_stores_utc(staff_client, consultation, treatment) -> None:
    data = {"treatment": treatment.pk, "time_zone": "Europe/London", "duration_minutes": 45}
    data |= {f"session_{n}": f"2031-07-{n * 14:02d}T10:00" for n in range(1, 3)}
    response = staff_client.post(f"/portal/inbox/{consultation.reference}/plan/", data)
    assert response.status_code == 302
    plan = consultation.plans.get()
    assert [s.starts_at for s in plan.sessions.all()] == [
        datetime(2031, 7, 14, 9, 0, tzinfo=UTC),  # 10:00 British Summer Time
        datetime(2031, 7, 28, 9, 0, tzinfo=UTC),
    ]


def test_a_plan_emails_one_calendar_file_per_session_and_schedules_reminders(
    consultation, clinic_staff, treatment, smtp_server
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        plan = record(consultation, clinic_staff, treatment)
    assert [s.starts_at for s in plan.sessions.all()] == [START + timedelta(weeks=2 * n) for n in range(4)]
    assert plan.maintenance_due_at == datetime(2031, 8, 14, 10, 0, tzinfo=UTC)  # 4 months after the last
    kinds = sorted(Reminder.objects.values_list("kind", flat=True))
    assert kinds.count(ReminderKind.WEEK_BEFORE) == kinds.count(ReminderKind.AFTERCARE) == 4
    assert kinds.count(ReminderKind.MAINTENANCE) == 1

    run_tasks()
    [message] = [m for m in smtp_server.messages if "plan" in m["Subject"]]
    calendars = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 4
    event = next(iter(Calendar.from_ical(calendars[0].get_payload(decode=True)).walk("VEVENT")))
    assert event.decoded("dtstart") == START
    assert "Mesotherapy session 1 at Wellcare Medical Centre" in str(event["summary"])
    assert "Warfarin" not in message.as_string()


def test_the_periodic_job_sends_each_reminder_once(
    consultation, clinic_staff, treatment, smtp_server
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        record(consultation, clinic_staff, treatment)
    run_tasks()
    with time_machine.travel(START - timedelta(days=7, minutes=-1), tick=False):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
        run_due()
        run_tasks()
    week = [m for m in smtp_server.messages if "in a week" in m["Subject"]]
    assert len(week) == 1
    assert any(p.get_content_type() == "text/calendar" for p in week[0].walk())
    assert week[0]["List-Unsubscribe"].strip().startswith("<http")

    with time_machine.travel(START + timedelta(hours=1), tick=False):
        assert send_due_reminders() == 2  # the day-before reminder, then aftercare for session 1
        run_tasks()
    aftercare = [m for m in smtp_server.messages if m["Subject"].startswith("Aftercare")]
    assert len(aftercare) == 1 and "Avoid heavy exercise" in aftercare[0].as_string()


def test_the_maintenance_reminder_arrives_months_later_and_completes_the_plan(
    consultation, clinic_staff, treatment
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        plan = record(consultation, clinic_staff, treatment)
    with time_machine.travel(plan.maintenance_due_at + timedelta(minutes=1), tick=False):
        send_due_reminders()
        send_due_reminders()
    assert OutgoingEmail.objects.filter(template="reminder_maintenance").count() == 1
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COMPLETED


def test_moving_a_session_replaces_its_reminders_and_tells_the_patient(
    staff_client, consultation, clinic_staff, treatment
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        plan = record(consultation, clinic_staff, treatment)
    session = plan.sessions.get(number=4)
    response = staff_client.post(
        f"/portal/inbox/{consultation.reference}/sessions/{session.pk}/move/",
        {"starts_at": "2031-05-01T15:30"},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == datetime(2031, 5, 1, 14, 30, tzinfo=UTC) and session.sequence == 1
    assert session.reminders.filter(cancelled_at__isnull=True).count() == 3
    moved = OutgoingEmail.objects.get(template="session_moved")
    assert "SEQUENCE:1" in moved.context["_attachments"][0]["content"]
    plan.refresh_from_db()
    assert plan.maintenance_due_at == datetime(2031, 9, 1, 14, 30, tzinfo=UTC)


def test_cancelling_a_session_sends_a_cancelling_calendar_file(
    staff_client, consultation, clinic_staff, treatment
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        plan = record(consultation, clinic_staff, treatment)
    session = plan.sessions.get(number=2)
    staff_client.post(f"/portal/inbox/{consultation.reference}/sessions/{session.pk}/cancel/")
    email = OutgoingEmail.objects.get(template="session_cancelled")
    assert "METHOD:CANCEL" in email.context["_attachments"][0]["content"]
    assert not session.reminders.filter(cancelled_at__isnull=True).exists()


def test_one_click_unsubscribe_stops_every_reminder(
    client: Client, consultation, clinic_staff, treatment
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        record(consultation, clinic_staff, treatment)
    email = OutgoingEmail.objects.get(template="plan_recorded")
    url = email.headers["List-Unsubscribe"].strip("<>").removeprefix(settings.SITE_URL)
    assert url.startswith("/consultations/unsubscribe/")
    assert client.get(url).status_code == 200
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    with time_machine.travel(START + timedelta(days=400), tick=False):
        assert send_due_reminders() == 0
    assert client.get("/consultations/unsubscribe/forged/").status_code == 404


def test_cancelling_the_whole_plan_stops_its_reminders_and_sends_one_cancelling_calendar_file_per_session_to_come(
    consultation, clinic_staff, treatment, smtp_server
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        plan = record(consultation, clinic_staff, treatment)
    run_tasks()
    with time_machine.travel(START + timedelta(days=1), tick=False):  # session 1 took place yesterday
        staff = client_for(clinic_staff)
        url = f"/portal/inbox/{consultation.reference}/plans/{plan.pk}/cancel/"
        assert staff.post(url).status_code == 302
        again = staff.post(url)
        assert again.status_code == 400 and "This plan is already cancelled." in again.content.decode()
        run_tasks()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CANCELLED and plan.maintenance_due_at is None
    assert [(s.number, s.status, s.sequence) for s in plan.sessions.all()] == [
        (1, "scheduled", 0),
        (2, "cancelled", 1),
        (3, "cancelled", 1),
        (4, "cancelled", 1),
    ]
    assert not plan.reminders.filter(queued_at__isnull=True, cancelled_at__isnull=True).exists()
    with time_machine.travel(datetime(2032, 1, 1, tzinfo=UTC), tick=False):
        assert send_due_reminders() == 0  # no session reminder, no maintenance reminder
    [message] = [m for m in smtp_server.messages if "plan is cancelled" in m["Subject"]]
    calendars = [
        p.get_payload(decode=True).decode() for p in message.walk() if p.get_content_type() == "text/calendar"
    ]
    assert len(calendars) == 3
    assert all("METHOD:CANCEL" in c and "SEQUENCE:1" in c and "STATUS:CANCELLED" in c for c in calendars)
    assert "Warfarin" not in message.as_string()
    assert message["List-Unsubscribe"].strip().startswith("<http")
    assert AuditEvent.objects.filter(action="plan.cancelled").count() == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2031-13-45T99:99", "Enter a valid date/time."), ("2020-01-01T10:00", "still to come")],
)
def test_a_refused_session_move_keeps_what_was_typed_with_the_reason_next_to_it(
    staff_client, consultation, clinic_staff, treatment, typed: str, message: str
) -> None:
    with time_machine.travel(START - timedelta(days=30), tick=False):
        plan = record(consultation, clinic_staff, treatment)
    session = plan.sessions.get(number=2)
    before = session.starts_at
    response = staff_client.post(
        f"/portal/inbox/{consultation.reference}/sessions/{session.pk}/move/", {"starts_at": typed}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'value="{typed}"' in page
    assert message in page
    assert f'href="#move-{session.pk}-starts_at"' in page  # the error summary leads to the field
    session.refresh_from_db()
    assert session.starts_at == before


def test_a_patient_who_switched_plan_reminders_off_gets_none_while_others_still_do(
    consultation, clinic, clinic_staff, clinician, treatment, patient, smtp_server
) -> None:
    from cosmediclist.accounts.reader import save_preferences

    save_preferences(user=patient, plan_reminders=False)  # pia.patient@example.org, as the request
    other = submit(clinic, treatment, email="olly.other@example.org", token="token-other-0123456789")
    clear(other, clinician)
    with time_machine.travel(START - timedelta(days=30), tick=False):
        record(consultation, clinic_staff, treatment)
        record(other, clinic_staff, treatment)
    with time_machine.travel(START - timedelta(days=7, minutes=-1), tick=False):
        assert send_due_reminders() == 1
        run_tasks()
    week = [m for m in smtp_server.messages if "in a week" in m["Subject"]]
    assert [m["To"] for m in week] == ["olly.other@example.org"]
    # the plan itself (a booking) is not switchable: both patients got it
    assert {m["To"] for m in smtp_server.messages if "plan" in m["Subject"]} >= {
        "pia.patient@example.org",
        "olly.other@example.org",
    }
    with time_machine.travel(START + timedelta(days=400), tick=False):
        send_due_reminders()
    assert not OutgoingEmail.objects.filter(to="pia.patient@example.org", template__startswith="reminder_")
    assert OutgoingEmail.objects.filter(to="olly.other@example.org", template="reminder_maintenance").exists()
