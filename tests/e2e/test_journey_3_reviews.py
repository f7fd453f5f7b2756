"""Journey 3 of DESIGN.md: a patient whose treatment is recorded reviews the clinic; an editor publishes
it; the clinic's rating and distribution update; staff reply. Months later the patient answers a
check-in in one click, and the treatment's measured "results lasted" figure appears once five
patients have answered.
"""

from __future__ import annotations

import re
from datetime import timedelta
from email.message import Message
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.catalog import demo as catalog_demo
from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations import services as consultation_services
from cosmediclist.consultations.models import PlannedSession
from cosmediclist.core import periodic
from cosmediclist.directory import demo as directory_demo
from cosmediclist.directory.models import Clinic
from cosmediclist.reviews import services
from cosmediclist.reviews.models import ClinicRating
from cosmediclist.reviews.tests.factories import treated_request
from tests.e2e.axe import axe_violations
from tests.e2e.signin import second_step
from tests.smtp import SmtpSink
from tests.worker import run_tasks

PATIENT = "pia.patient@example.org"
STAFF = accounts_demo.CLINIC_STAFF
EDITOR = accounts_demo.EDITOR


def text_part(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()  # type: ignore[union-attr]


def delivered(sink: SmtpSink, subject_has: str) -> list[Message]:
    run_tasks()
    return [m for m in sink.messages if m["To"] == PATIENT and subject_has in str(m["Subject"])]


def path_in(message: Message, pattern: str) -> str:
    found = re.search(r"https?://[^/\s]+(" + pattern + r"\S*)", text_part(message))
    assert found is not None, pattern
    return found.group(1)


def sign_in(browser: Browser, base: str, login: Any, next_path: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{base}/account/sign-in/?next={next_path}")
    page.get_by_label("Email").fill(login.email)
    page.get_by_label("Password").fill(login.password)
    page.get_by_role("button", name="Sign in").click()
    second_step(page, login.email)
    return page


def others_answered(clinic: Clinic, treatment: Treatment, staff: Any, answers: list[str]) -> None:
    """Four earlier patients who answered their 3-month check-in (through the services)."""
    for answer in answers:
        request = treated_request(clinic, treatment, staff=staff)
        start = timezone.now() + timedelta(days=1)
        plan = consultation_services.record_plan(
            actor=staff, request=request, treatment=treatment, starts=[start], duration_minutes=45
        )
        finished = timezone.now() - timedelta(days=100)
        (three, *_) = services.schedule_check_ins(plan=plan, finished_at=finished, now=finished)
        services.answer_check_in(check_in=three, question="visible", answer=answer)


@pytest.mark.django_db(transaction=True)
def test_patient_reviews_wellcare_staff_reply_and_a_check_in_measures_results(
    page: Page, browser: Browser, live_server: Any, smtp_server: SmtpSink
) -> None:
    for loader in (accounts_demo, catalog_demo, directory_demo):
        loader.load()
    base = live_server.url
    clinic = Clinic.objects.get(name="Wellcare Medical Centre", town="Manchester")
    treatment = Treatment.objects.get(slug="mesotherapy")
    from cosmediclist.accounts.models import User

    staff_user = User.objects.get(email=STAFF.email)
    request = treated_request(clinic, treatment, staff=staff_user, email=PATIENT)
    first = timezone.now() + timedelta(days=2)
    consultation_services.record_plan(
        actor=staff_user,
        request=request,
        treatment=treatment,
        starts=[first, first + timedelta(weeks=2)],
        duration_minutes=45,
    )
    last = PlannedSession.objects.filter(plan__request=request).order_by("-starts_at").first()
    assert last is not None

    # A day after the last session the periodic runner invites the patient, with a signed link.
    with time_machine.travel(last.starts_at + timedelta(days=1, hours=1), tick=False):
        periodic.run_due()
        (invitation,) = delivered(smtp_server, "How was your treatment at Wellcare Medical Centre?")
    page.goto(base + path_in(invitation, "/reviews/write/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Review Wellcare Medical Centre")
    assert axe_violations(page) == []
    page.get_by_label("When it was done").fill(f"{timezone.localdate():%Y-%m-%d}")
    page.get_by_role("group", name="Overall rating").get_by_label("4 stars").check()
    page.get_by_label("Care and aftercare (optional)").select_option("5")
    page.get_by_role("group", name="Was it worth it?").get_by_label("Worth it", exact=True).check()
    page.get_by_label("Title").fill("Careful and honest")
    page.get_by_label("Your review").fill("They told me what to expect. <b>Not bold</b>")
    page.get_by_role("button", name="Send my review").click()
    # No name and not anonymous: told next to the field, the text stays.
    # The message stands next to the field and, as a link to it, in the error summary.
    expect(page.get_by_text("Give a name to show, or tick 'anonymous'.", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Name to show: Give a name to show")).to_be_visible()
    expect(page.get_by_label("Your review")).to_have_value("They told me what to expect. <b>Not bold</b>")
    page.get_by_label("Name to show").fill("Pia P.")
    page.get_by_role("button", name="Send my review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your review")

    # Held until an editor publishes it.
    page.goto(f"{base}/clinics/{clinic.slug}/")
    expect(page.get_by_text("No published reviews yet.")).to_be_visible()
    editor = sign_in(browser, base, EDITOR, "/moderation/reviews/")
    expect(editor.get_by_role("heading", level=1)).to_have_text("Review moderation")
    assert axe_violations(editor) == []
    editor.get_by_role("button", name="Publish “Careful and honest”").click()
    expect(editor.get_by_text("rating is updated")).to_be_visible()
    editor.context.close()

    summary = ClinicRating.objects.get(clinic=clinic)
    assert (summary.review_count, summary.stars_4) == (1, 1)
    page.goto(f"{base}/clinics/{clinic.slug}/?sort=newest#reviews")
    reviews = page.locator("#reviews")
    expect(reviews).to_contain_text("4.0 out of 5, 1 review")
    expect(reviews.locator(".rating-distribution")).to_contain_text("4 stars")
    expect(reviews).to_contain_text("Verified patient")
    expect(reviews).to_contain_text("<b>Not bold</b>")  # shown as text, never as markup
    assert reviews.locator("b").count() == 0
    assert axe_violations(page) == []

    staff = sign_in(browser, base, STAFF, "/portal/reviews/")
    expect(staff.get_by_role("heading", level=1)).to_have_text("Reviews of your clinics")
    assert axe_violations(staff) == []
    staff.get_by_label("Your public reply to “Careful and honest”").fill("Thank you, Pia.")
    staff.get_by_role("button", name="Publish the reply").click()
    expect(staff.get_by_text("Your reply is published under the review.")).to_be_visible()
    staff.context.close()
    page.reload()
    expect(page.locator(".review__reply")).to_contain_text("Thank you, Pia.")

    # Four other patients have answered; the figure waits for a fifth.
    others_answered(clinic, treatment, staff_user, ["fully", "fully", "gone", "partly"])
    page.goto(f"{base}/treatments/mesotherapy/")
    expect(page.locator(".outcomes")).to_contain_text("Not measured yet")
    # Three months after the last session the check-in arrives; one click answers it.
    with time_machine.travel(last.starts_at + timedelta(days=95), tick=False):
        periodic.run_due()
        (check_in,) = delivered(smtp_server, "3 months after Mesotherapy")
    page.goto(base + path_in(check_in, "/check-ins/"))
    assert axe_violations(page) == []
    page.get_by_role("button", name="Partly visible").click()
    expect(page.get_by_text("Your answer: Partly visible")).to_be_visible()
    page.goto(f"{base}/treatments/mesotherapy/")
    expect(page.locator(".outcomes")).to_contain_text("still visible at 3 months: 80% of 5 patients")
    expect(page.locator(".outcomes")).to_contain_text("results usually last 4–6 months")
    assert axe_violations(page) == []
