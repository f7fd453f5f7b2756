"""The request form by keyboard: the questions follow the ticked treatment, the detail box opens
after "Yes", and a failed send puts the focus on an error summary whose links lead to the fields."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.catalog import demo as catalog_demo
from cosmediclist.directory import demo as directory_demo
from cosmediclist.directory.models import Clinic
from tests.e2e.axe import axe_violations

PREGNANCY = "Are you pregnant"


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_user_is_led_from_the_error_summary_to_each_field(page: Page, live_server) -> None:
    accounts_demo.load()
    catalog_demo.load()
    directory_demo.load()
    wellcare = Clinic.objects.get(name="Wellcare Medical Centre")
    page.goto(f"{live_server.url}/clinics/{wellcare.slug}/consultation/")

    # No treatment ticked yet: no question is asked. Ticking one shows its questions only.
    questions = page.locator(".question:not([hidden])")
    expect(questions).to_have_count(0)
    treatments = page.get_by_role("group", name="Treatments you are interested in")
    treatments.get_by_label("Mesotherapy").check()
    expect(questions.first).to_be_visible()
    asked = questions.count()
    assert 0 < asked < page.locator(".question").count()
    # The clinic box is not ticked for the reader.
    expect(page.get_by_label("Send my request to Wellcare Medical Centre", exact=False)).not_to_be_checked()

    pregnancy = page.get_by_role("group", name=PREGNANCY)
    detail = pregnancy.locator("xpath=..").get_by_label("Anything the clinician should know")
    expect(detail).to_be_hidden()
    pregnancy.get_by_label("Yes", exact=True).check()
    expect(detail).to_be_visible()
    pregnancy.get_by_label("No", exact=True).check()
    expect(detail).to_be_hidden()

    page.get_by_role("textbox", name="Your name").fill("Rosa Typed")
    page.get_by_role("button", name="Send my request").focus()
    page.keyboard.press("Enter")

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(page.get_by_role("textbox", name="Your name")).to_have_value("Rosa Typed")
    assert axe_violations(page) == []

    page.keyboard.press("Tab")
    first = summary.get_by_role("link").first
    expect(first).to_be_focused()
    target = first.get_attribute("href")
    assert target and target.startswith("#")
    page.keyboard.press("Enter")
    expect(page.locator(target)).to_be_focused()

    # Every link of the summary leads to a field that takes the focus.
    links = summary.get_by_role("link")
    for n in range(links.count()):
        link = links.nth(n)
        link.focus()
        page.keyboard.press("Enter")
        expect(page.locator(str(link.get_attribute("href")))).to_be_focused()
