"""Booked means booked: date, time and place, an email with a calendar file, the patient's status page,
the patient's request to cancel or rearrange; status moves lock the row and refuse stale moves."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from cosmediclist.consultations import services, tokens
from cosmediclist.consultations.models import ChangeRequest, ConsultationRequest, Status
from cosmediclist.consultations.tests.factories import clear, future_local
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def cleared(consultation, clinician):
    clear(consultation, clinician)
    return consultation


def book(client, request, **extra: str):
    data = {
        "status": "booked",
        "expected_status": request.status,
        "appointment_at": future_local(10, 14),
        "appointment_place": request.clinic.full_address,
        **extra,
    }
    return client.post(f"/portal/inbox/{request.reference}/move/", data)


def test_the_booking_form_offers_the_clinic_address_by_default(staff_client, cleared) -> None:
    page = staff_client.get(f"/portal/inbox/{cleared.reference}/").content.decode()
    assert f'value="{cleared.clinic.full_address}"' in page
    assert 'type="datetime-local"' in page


def test_booking_records_when_and_where_and_emails_a_calendar_file(staff_client, cleared) -> None:
    cleared.clinic.phone = "0161 496 0123"
    cleared.clinic.save()
    assert (
        book(staff_client, cleared, appointment_place="Room 2, 1 High Street, Manchester").status_code == 302
    )
    cleared.refresh_from_db()
    assert cleared.status == Status.BOOKED
    expected = datetime.fromisoformat(future_local(10, 14)).replace(tzinfo=LONDON)
    assert cleared.appointment_at == expected
    assert cleared.appointment_place == "Room 2, 1 High Street, Manchester"
    email = OutgoingEmail.objects.get(template="consultation_booked", to=cleared.email)
    assert "0161 496 0123" in email.context["clinic_phone"]
    [attachment] = email.context["_attachments"]
    assert attachment["filename"].endswith(".ics")
    [event] = Calendar.from_ical(attachment["content"]).walk("VEVENT")
    assert event.decoded("dtstart") == expected
    assert str(event["location"]) == "Room 2, 1 High Street, Manchester"
    assert AuditEvent.objects.filter(action="consultation.moved", data__to="booked").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"appointment_at": ""}, "Give the date and time of the consultation."),
        ({"appointment_at": "2001-01-01T10:00"}, "in the future"),
        ({"appointment_at": "next tuesday"}, "Enter a valid date/time."),
        ({"appointment_place": "   "}, "Say where the consultation takes place."),
    ],
)
def test_a_bad_booking_gets_a_message_next_to_the_field_and_stores_nothing(
    staff_client, cleared, extra, message
) -> None:
    response = book(staff_client, cleared, **extra)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    cleared.refresh_from_db()
    assert cleared.status == Status.NEW and cleared.appointment_at is None
    assert not OutgoingEmail.objects.filter(template="consultation_booked").exists()


def test_a_forged_status_is_refused(staff_client, cleared) -> None:
    response = book(staff_client, cleared, status="treated")
    assert response.status_code == 400
    assert "cannot move there" in response.content.decode()
    response = book(staff_client, cleared, status="paid")
    assert response.status_code == 400
    cleared.refresh_from_db()
    assert cleared.status == Status.NEW


def test_the_patient_sees_when_and_where_what_happens_next_and_the_phone(
    client, staff_client, cleared
) -> None:
    cleared.clinic.phone = "0161 496 0123"
    cleared.clinic.save()
    book(staff_client, cleared)
    page = client.get(tokens.status_path(cleared.reference)).content.decode()
    when = datetime.fromisoformat(future_local(10, 14))
    assert f"{when:%A} {when.day} {when:%B %Y}, 14:00" in page
    assert cleared.clinic.full_address in page
    assert "0161 496 0123" in page
    assert "What happens next" in page
    assert "Ask to cancel or rearrange" in page


def _change_url(request: ConsultationRequest) -> str:
    return tokens.status_path(request.reference).replace("/?t=", "/change/?t=")


def test_the_patient_asks_to_rearrange_and_the_clinic_is_told(
    client, staff_client, cleared, clinic_staff
) -> None:
    book(staff_client, cleared)
    message = "I have a hospital appointment that morning; could we move to the afternoon?"
    response = client.post(_change_url(cleared), {"kind": "rearrange", "message": message})
    assert response.status_code == 302
    change = ChangeRequest.objects.get(request=cleared)
    assert change.kind == "rearrange" and change.message == message
    alert = OutgoingEmail.objects.get(template="consultation_change_requested", to=clinic_staff.email)
    assert message not in str(alert.context)  # the message is read in the inbox, not by email
    assert AuditEvent.objects.filter(action="consultation.change_requested").exists()
    page = staff_client.get(f"/portal/inbox/{cleared.reference}/").content.decode()
    assert "asked to rearrange" in page and "hospital appointment that morning" in page
    status_page = client.get(tokens.status_path(cleared.reference)).content.decode()
    assert "You asked to rearrange" in status_page


def test_a_change_request_needs_a_message_and_keeps_the_choice(client, staff_client, cleared) -> None:
    book(staff_client, cleared)
    response = client.post(_change_url(cleared), {"kind": "cancel", "message": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write a short message" in page
    assert re.search(r'value="cancel"[^>]*\bchecked', page)
    assert not ChangeRequest.objects.exists()


def test_a_change_request_without_a_booking_or_with_a_forged_link_is_refused(client, cleared) -> None:
    response = client.post(_change_url(cleared), {"kind": "cancel", "message": "Please cancel."})
    assert response.status_code == 400
    assert "not booked" in response.content.decode()
    forged = f"/consultations/{cleared.reference}/change/?t=forged"
    assert client.post(forged, {"kind": "cancel", "message": "Please cancel."}).status_code == 404
    assert not ChangeRequest.objects.exists()


def test_a_stale_move_gets_a_clear_message(staff_client, consultation, clinic_staff) -> None:
    services.move_request(actor=clinic_staff, request=consultation, to_status=Status.CONTACTED)
    response = staff_client.post(
        f"/portal/inbox/{consultation.reference}/move/",
        {"status": "declined", "reason": "Not for us.", "expected_status": "new"},
    )
    assert response.status_code == 400
    assert "changed meanwhile" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == Status.CONTACTED


def test_two_staff_members_racing_cannot_undo_a_decline(consultation, clinic_staff) -> None:
    """Each staff member loaded the request while it was new; the second move must see the first."""
    first = ConsultationRequest.objects.get(pk=consultation.pk)
    second = ConsultationRequest.objects.get(pk=consultation.pk)
    services.move_request(actor=clinic_staff, request=first, to_status=Status.DECLINED, reason="Not for us.")
    with pytest.raises(ValidationError) as stale:
        services.move_request(actor=clinic_staff, request=second, to_status=Status.CONTACTED)
    assert "changed meanwhile" in str(stale.value)
    consultation.refresh_from_db()
    assert consultation.status == Status.DECLINED


def test_rebooking_sends_an_updated_calendar_file(staff_client, cleared, clinic_staff) -> None:
    book(staff_client, cleared)
    cleared.refresh_from_db()
    services.move_request(actor=clinic_staff, request=cleared, to_status=Status.CONTACTED)
    later = timezone.now() + timedelta(days=20)
    services.move_request(
        actor=clinic_staff,
        request=cleared,
        to_status=Status.BOOKED,
        appointment_at=later,
        appointment_place=cleared.clinic.full_address,
    )
    emails = OutgoingEmail.objects.filter(template="consultation_booked").order_by("id")
    assert emails.count() == 2
    events = [Calendar.from_ical(e.context["_attachments"][0]["content"]).walk("VEVENT")[0] for e in emails]
    assert events[0]["uid"] == events[1]["uid"]
    assert events[1].decoded("sequence") > events[0].decoded("sequence")
