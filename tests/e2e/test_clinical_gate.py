"""The clinical gate in a real browser: a flagged request, a plan refused with a message, a clinician
of the clinic clears it, and the plan is recorded."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.catalog import demo as catalog_demo
from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations import services
from cosmediclist.consultations.models import ClinicalReview, ConsultationRequest, Flag
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.directory import demo as directory_demo
from cosmediclist.directory.models import Clinic
from tests.e2e.axe import axe_violations
from tests.e2e.signin import second_step

STAFF = accounts_demo.CLINIC_STAFF  # also one of Wellcare's registered practitioners in the demo


def flagged_request() -> ConsultationRequest:
    """A mesotherapy request to Wellcare answering yes to the blood-thinner question."""
    clinic = Clinic.objects.get(name=directory_demo.WELLCARE, town="Manchester")
    treatment = Treatment.objects.get(slug="mesotherapy")
    [made] = services.submit_request(
        services.ConsultationInput(
            clinics=[clinic],
            treatments=[treatment],
            concerns=[],
            areas=[],
            hopes="Softer stretch marks.",
            contact_method="email",
            contact_times="",
            name="Gina Gate",
            email="gina.gate@example.org",
            phone="",
            is_adult_confirmed=True,
            answers=[
                services.Answer(q.slug, q.slug == "anticoagulants-bleeding-disorder", "Warfarin")
                for q in questions_for([treatment])
            ],
            idempotency_token="e2e-gate-token-000001",
        ),
    )
    assert made.flag == Flag.CLINICIAN_REVIEW
    return made


@pytest.mark.django_db(transaction=True)
def test_a_plan_waits_for_the_clinicians_review(browser: Browser, live_server) -> None:
    for loader in (accounts_demo, catalog_demo, directory_demo):
        loader.load()
    reference = flagged_request().reference
    staff = browser.new_context().new_page()
    staff.goto(live_server.url + "/account/sign-in/?next=/portal/inbox/")
    staff.get_by_label("Email").fill(STAFF.email)
    staff.get_by_label("Password").fill(STAFF.password)
    staff.get_by_role("button", name="Sign in").click()
    second_step(staff, STAFF.email)

    # The flag stands out in the inbox with words, not colour alone.
    row = staff.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Needs clinician review")
    expect(row).to_contain_text("awaiting review")
    assert axe_violations(staff) == []

    # A plan is refused, with a message saying why.
    staff.get_by_role("link", name=reference).click()
    staff.get_by_role("link", name="Record a treatment plan").click()
    expect(staff.get_by_role("note")).to_contain_text("needs a clinician's review first")
    staff.get_by_role("button", name="Record plan").click()
    expect(staff.locator(".error-summary")).to_contain_text("needs a clinician's review first")
    assert not ConsultationRequest.objects.get(reference=reference).plans.exists()
    assert axe_violations(staff) == []

    # The clinician clears it with a note; the decision shows on the request.
    staff.get_by_role("link", name=f"Back to request {reference}").click()
    expect(staff.get_by_role("heading", name="Clinical review")).to_be_visible()
    assert axe_violations(staff) == []
    staff.get_by_role("group", name="Your clinical decision").get_by_label("Cleared to go ahead").check()
    staff.get_by_label("Note (if cleared").fill("Warfarin is stable; spoke to the GP.")
    staff.get_by_role("button", name="Record the decision").click()
    expect(staff.locator(".review-gate")).to_contain_text("Cleared to go ahead by")
    assert ClinicalReview.objects.get(request__reference=reference).decision == "cleared"

    # Now the plan is recorded.
    staff.get_by_role("link", name="Record a treatment plan").click()
    expect(staff.get_by_role("note")).to_have_count(0)
    staff.get_by_role("button", name="Record plan").click()
    expect(staff.get_by_text("Session 4:")).to_be_visible()
    assert ConsultationRequest.objects.get(reference=reference).plans.count() == 1
    staff.context.close()
