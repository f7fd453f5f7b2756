"""Outcome check-ins at 3, 6 and 12 months, the measured figure, and the private side-effect report."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from django.test import Client
from django.utils import timezone

from cosmediclist.consultations import services as consultation_services
from cosmediclist.consultations import tokens as consultation_tokens
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from cosmediclist.reviews import periodic, services, tokens
from cosmediclist.reviews.models import OutcomeCheckIn, SideEffectReport
from cosmediclist.reviews.tests.factories import treated_request
from tests.personas import client_for


def finished_plan(clinic: Any, treatment: Any, staff: Any) -> Any:
    request = treated_request(clinic, treatment, staff=staff)
    start = timezone.now() + timedelta(days=1)
    return consultation_services.record_plan(
        actor=staff,
        request=request,
        treatment=treatment,
        starts=[start, start + timedelta(weeks=2)],
        duration_minutes=45,
    )


def test_check_ins_are_scheduled_after_the_last_session_and_sent_when_due(
    clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    plan = finished_plan(clinic, treatment, clinic_staff)
    assert periodic.schedule_finished_plans() == 0  # sessions still to come
    with time_machine.travel(timezone.now() + timedelta(weeks=3)):
        assert periodic.schedule_finished_plans() == 1 * 3
        assert periodic.schedule_finished_plans() == 0
    assert sorted(plan.check_ins.values_list("months", flat=True)) == [3, 6, 12]
    with time_machine.travel(timezone.now() + timedelta(days=110)):
        assert periodic.send_due_check_ins() == 1
        assert periodic.send_due_check_ins() == 0
    email = OutgoingEmail.objects.get(template="outcome_check_in")
    assert email.context["months"] == 3
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def scheduled_check_in(clinic: Any, treatment: Any, staff: Any, months: int = 3) -> OutcomeCheckIn:
    plan = finished_plan(clinic, treatment, staff)
    services.schedule_check_ins(
        plan=plan, finished_at=timezone.now() - timedelta(days=100), now=timezone.now()
    )
    found: OutcomeCheckIn = plan.check_ins.get(months=months)
    return found


def test_opening_the_link_records_nothing_and_each_answer_is_one_click(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    check_in = scheduled_check_in(clinic, treatment, clinic_staff)
    url = tokens.check_in_path(check_in.pk)
    page = client.get(url + "?visible=partly")
    assert page.status_code == 200
    assert "You chose this in the email" in page.content.decode()
    check_in.refresh_from_db()
    assert check_in.visible == ""
    assert client.post(url, {"question": "visible", "answer": "partly"}).status_code == 200
    assert client.post(url, {"question": "again", "answer": "yes"}).status_code == 200
    check_in.refresh_from_db()
    assert (check_in.visible, check_in.again, check_in.side_effect) == ("partly", "yes", "")
    assert check_in.answered_at is not None
    event = AuditEvent.objects.filter(action="check_in.answered").first()
    assert event is not None and "partly" not in str(event.data)


def test_a_check_in_answered_twice_keeps_the_first_answer(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    check_in = scheduled_check_in(clinic, treatment, clinic_staff)
    url = tokens.check_in_path(check_in.pk)
    client.post(url, {"question": "visible", "answer": "fully"})
    again = client.post(url, {"question": "visible", "answer": "gone"})
    assert again.status_code == 400
    assert "already answered this question" in again.content.decode()
    check_in.refresh_from_db()
    assert check_in.visible == "fully"
    nonsense = client.post(url, {"question": "visible; DROP TABLE", "answer": "<script>"})
    assert nonsense.status_code == 400


def test_forged_and_expired_check_in_links_change_nothing(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    check_in = scheduled_check_in(clinic, treatment, clinic_staff)
    forged = client.post("/check-ins/123:abc:def/", {"question": "visible", "answer": "gone"})
    assert forged.status_code == 400 and "not valid" in forged.content.decode()
    url = tokens.check_in_path(check_in.pk)
    with time_machine.travel(timezone.now() + timedelta(seconds=tokens.CHECK_IN_MAX_AGE + 60)):
        expired = client.post(url, {"question": "visible", "answer": "gone"})
    assert expired.status_code == 400 and "expired" in expired.content.decode()
    check_in.refresh_from_db()
    assert check_in.visible == ""


def test_unsubscribing_stops_the_check_ins_not_sent_yet(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    check_in = scheduled_check_in(clinic, treatment, clinic_staff)
    url = tokens.unsubscribe_path(check_in.plan.request_id)
    assert client.get(url).status_code == 200
    assert check_in.plan.check_ins.filter(cancelled_at__isnull=True).count() == 3  # GET changes nothing
    assert client.post(url).status_code == 200
    assert check_in.plan.check_ins.filter(cancelled_at__isnull=True).count() == 0
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        assert periodic.send_due_check_ins() == 0


def test_the_measured_figure_needs_five_patients(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    for n in range(5):
        check_in = scheduled_check_in(clinic, treatment, clinic_staff, months=6)
        page = client.get("/treatments/mesotherapy/").content.decode()
        assert "Measured: still visible at 6 months" not in page
        services.answer_check_in(check_in=check_in, question="visible", answer="gone" if n < 2 else "fully")
    page = client.get("/treatments/mesotherapy/").content.decode()
    assert "still visible at 6 months: <strong>60%</strong> of 5 patients" in page
    assert "usually last 4–6 months" in page
    clinic_page = client.get("/clinics/wellcare-medical-centre-manchester/").content.decode()
    assert "Mesotherapy: still visible at 6 months: 60% of 5 patients" in clinic_page


def test_the_side_effect_report_shows_urgent_care_first_and_reaches_only_the_clinic(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any, other_clinic_staff: Any
) -> None:
    request = treated_request(clinic, treatment, staff=clinic_staff)
    url = f"/consultations/{request.reference}/side-effect/?t={consultation_tokens.status_token(request.reference)}"
    html = client.get(url).content.decode()
    assert html.index("Call 999") < html.index("What have you noticed?")
    assert "NHS 111" in html
    today = timezone.localdate().isoformat()
    missing = client.post(url, {"what": "", "started_on": today, "severity": "moderate"})
    assert missing.status_code == 400 and "This field is required" in missing.content.decode()
    sent = client.post(url, {"what": "A hard lump on my cheek", "started_on": today, "severity": "moderate"})
    assert sent.status_code == 200 and "Sent to Wellcare Medical Centre" in sent.content.decode()
    report = SideEffectReport.objects.get()
    assert report.what == "A hard lump on my cheek"
    email = OutgoingEmail.objects.get(template="side_effect_reported", to=clinic_staff.email)
    assert "lump" not in str(email.context)
    assert AuditEvent.objects.filter(action="side_effect.reported", object_id=str(report.pk)).exists()
    inbox = client_for(clinic_staff).get("/portal/inbox/").content.decode()
    assert "Flagged: side effects reported by patients (1)" in inbox
    assert "Flagged" not in client_for(other_clinic_staff).get("/portal/inbox/").content.decode()
    assert client_for(other_clinic_staff).get(f"/portal/side-effects/{report.pk}/").status_code == 404
    detail = client_for(clinic_staff).get(f"/portal/side-effects/{report.pk}/").content.decode()
    assert "A hard lump on my cheek" in detail
    client_for(clinic_staff).post(f"/portal/side-effects/{report.pk}/handled/")
    assert "Flagged: side effects" not in client_for(clinic_staff).get("/portal/inbox/").content.decode()


def test_the_side_effect_form_needs_the_signed_link(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    request = treated_request(clinic, treatment, staff=clinic_staff)
    assert client.get(f"/consultations/{request.reference}/side-effect/?t=forged").status_code == 404
    assert client.post(f"/consultations/{request.reference}/side-effect/", {"what": "x"}).status_code == 404
    assert SideEffectReport.objects.count() == 0


def test_a_patient_who_switched_review_emails_off_gets_no_invitation_nor_check_in(
    clinic: Any, treatment: Any, clinic_staff: Any, patient: Any
) -> None:
    from cosmediclist.accounts.reader import save_preferences

    save_preferences(user=patient, review_emails=False)
    for email in (patient.email, "olly.other@example.org"):
        request = treated_request(clinic, treatment, staff=clinic_staff, email=email)
        plan = consultation_services.record_plan(
            actor=clinic_staff,
            request=request,
            treatment=treatment,
            starts=[timezone.now() + timedelta(days=1)],
            duration_minutes=45,
        )
        services.schedule_check_ins(
            plan=plan, finished_at=timezone.now() - timedelta(days=100), now=timezone.now()
        )
    mine = OutcomeCheckIn.objects.get(plan__request__email=patient.email, months=3)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        periodic.run()
    sent = list(OutgoingEmail.objects.filter(template__in=["outcome_check_in", "review_invitation"]))
    assert sent and {email.to for email in sent} == {"olly.other@example.org"}
    assert {email.template for email in sent} == {"outcome_check_in", "review_invitation"}
    mine.refresh_from_db()
    assert mine.sent_at is None
