"""Journey 2 in a real browser: request with questionnaire, reference, inbox, a four-session plan."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import PASSWORD, make_user
from cosmediclist.consultations.models import Reminder, ReminderKind
from cosmediclist.consultations.reminders import send_due_reminders
from cosmediclist.consultations.tests.factories import area, clinic_offering, concern, mesotherapy
from cosmediclist.notifications.models import OutgoingEmail
from tests.e2e.conftest import axe_violations


@pytest.mark.django_db(transaction=True)
def test_reader_requests_a_consultation_and_the_clinic_records_a_plan(page: Page, live_server) -> None:
    staff = make_user("carl.staff@example.org", "Carl", "Staff")
    treatment = mesotherapy()
    clinic = clinic_offering(treatment, staff=staff, name="Wellcare Manchester", slug="wellcare-manchester")
    concern(), area()

    page.goto(f"{live_server.url}/clinics/{clinic.slug}/consultation/?treatment=mesotherapy")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wellcare Manchester")
    assert axe_violations(page) == []
    page.get_by_label("What would you most like to change?").select_option(label="Stretch marks")
    page.get_by_label("Face").check()
    page.get_by_label("What do you hope for?").fill("Softer stretch marks")
    page.get_by_role("group", name="Do you take blood-thinning").get_by_label("Yes").check()
    page.get_by_role("group", name="Are you pregnant").get_by_label("No").check()
    page.get_by_role("group", name="Have you had a vaccination").get_by_label("No").check()
    page.get_by_label("I confirm I am 18 or over").check()
    page.get_by_label("Your name").fill("Rosa Reader")
    page.get_by_label("Your email address").fill("rosa.reader@example.org")
    page.get_by_label("Send my request and answers to Wellcare Manchester").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your request has been sent")
    reference = page.locator(".reference").first.inner_text()
    assert OutgoingEmail.objects.filter(
        template="consultation_received", to="rosa.reader@example.org"
    ).exists()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Email").fill("carl.staff@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/portal/inbox/")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_text("Needs clinician review")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Move to").select_option("booked")
    page.get_by_role("button", name="Move").first.click()
    expect(page.get_by_text("Booked", exact=True)).to_be_visible()
    page.get_by_role("link", name="Record a treatment plan").click()
    assert page.locator('input[type="datetime-local"]').count() == 4
    page.get_by_role("button", name="Record plan").click()
    expect(page.get_by_text("Session 4:")).to_be_visible()

    email = OutgoingEmail.objects.get(template="plan_recorded")
    assert len(email.context["_attachments"]) == 4
    assert Reminder.objects.filter(kind=ReminderKind.WEEK_BEFORE).count() == 4
    maintenance = Reminder.objects.get(kind=ReminderKind.MAINTENANCE)
    with time_machine.travel(maintenance.due_at + timedelta(minutes=1), tick=False):
        send_due_reminders()
    assert OutgoingEmail.objects.filter(template="reminder_maintenance").count() == 1
    assert maintenance.due_at > timezone.now() + timedelta(days=100)
