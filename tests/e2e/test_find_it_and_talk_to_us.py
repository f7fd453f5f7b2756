"""Find it: the site search and the clinic search as a reader uses them, on a phone and by keyboard;
talk to us: the contact and report forms by keyboard. axe and the Nu HTML Checker on every page."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.directory.tests.factories import ClinicFactory, OfferFactory
from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests import factories as editorial_factories
from tests.e2e.axe import axe_violations, checked_html
from tests.e2e.test_directory_use_my_location import build_directory
from tests.site import nu_html_errors

SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or tempfile.gettempdir())
PHONE: ViewportSize = {"width": 390, "height": 844}


def more_mesotherapy_clinics() -> None:
    treatment = mesotherapy()  # the one build_directory() made, or a new one
    for n in range(6):
        clinic = ClinicFactory.create(name=f"Manchester Skin {n}", latitude=53.47 + n / 200, longitude=-2.24)
        OfferFactory.create(clinic=clinic, treatment=treatment, price_from_gbp=100 + 10 * n)


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_results_come_before_the_fold_and_filters_open_without_javascript(
    browser: Browser, live_server, tmp_path: Path
) -> None:
    build_directory()
    more_mesotherapy_clinics()
    html: dict[str, str] = {}
    for javascript in (True, False):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(live_server.url + "/clinics/?treatment=mesotherapy&near=Manchester")
        first = page.locator(".clinic-card").first
        box = first.bounding_box()
        if javascript:
            page.screenshot(path=str(SHOTS / "i17-search-after-clinics-phone.png"))
        assert box is not None and box["y"] + 60 < PHONE["height"], box
        filters = page.locator("details.clinic-search__filters")
        expect(filters).not_to_have_attribute("open", "")
        expect(page.get_by_label("Price up to (£)")).to_be_hidden()
        if javascript:
            html["clinic search, phone"] = checked_html(page)
        page.get_by_text("Filters", exact=True).click()
        expect(page.get_by_label("Price up to (£)")).to_be_visible()
        page.get_by_label("Distance in").select_option("km")
        page.get_by_role("button", name="Search clinics").click()
        expect(
            page.get_by_role("heading", name=re.compile(r"clinics within 15 km of Manchester"))
        ).to_be_visible()
        # A postcode search says where distances are measured from: under the list, not above it.
        page.goto(live_server.url + "/clinics/?near=M1+1AE")
        expect(page.get_by_text("centre of postcode district M1")).to_be_attached()
        box = page.locator(".clinic-card").first.bounding_box()
        assert box is not None and box["y"] + 60 < PHONE["height"], box
        context.close()
    assert nu_html_errors(html, tmp_path) == []


@pytest.mark.django_db(transaction=True)
def test_the_site_search_leads_from_a_treatment_and_a_place_to_the_clinic_and_back(
    page: Page, live_server, tmp_path: Path
) -> None:
    build_directory()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/search/?q=manchester+mesotherapy")
    answer = page.locator(".search-answer")
    expect(answer.get_by_role("heading", name="Clinics offering Mesotherapy near Manchester")).to_be_visible()
    expect(answer.locator(".clinic-card__name")).to_have_count(2)
    assert axe_violations(page) == []
    page.screenshot(path=str(SHOTS / "i17-search-after-site-search.png"), full_page=True)
    html = {"site search": page.content()}
    answer.get_by_role("link", name=re.compile("See all 2 clinics")).click()
    expect(page.get_by_role("heading", name="2 clinics within 15 miles of Manchester")).to_be_visible()
    expect(page.locator("details.clinic-search__filters")).to_have_attribute("open", "")  # wide screen
    page.screenshot(path=str(SHOTS / "i17-search-after-clinics-desktop.png"), full_page=True)
    html["clinic search, desktop"] = page.content()
    page.get_by_role("link", name="Wellcare Medical Centre", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wellcare Medical Centre")
    html["clinic page"] = page.content()
    page.get_by_role("link", name="Back to your results").first.click()
    expect(page.get_by_label("Near (town, city or postcode)")).to_have_value("Manchester")
    expect(page.get_by_label("Treatment")).to_have_value("mesotherapy")
    page.goto(live_server.url + "/clinics/?near=M1+1AE")
    expect(page.get_by_role("heading", name=re.compile(r"within 15 miles of M1 1AE"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d\.\d miles away")).first).to_be_visible()
    html["postcode search"] = checked_html(page)
    assert nu_html_errors(html, tmp_path) == []


@pytest.mark.django_db(transaction=True)
def test_every_talk_to_us_form_works_by_keyboard(page: Page, live_server, tmp_path: Path) -> None:
    build_directory()
    editorial_factories.wagtail_roots()
    guide = editorial_factories.article(set_up_editorial())
    html: dict[str, str] = {}

    def type_into(label: str, text: str) -> None:
        page.get_by_label(label).focus()
        page.keyboard.type(text)

    def tab_to_and_press(button: str) -> None:
        """Tab from the last field: the next stop must be the form's button; Enter sends."""
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name=button)).to_be_focused()
        page.keyboard.press("Enter")

    page.goto(live_server.url + "/contact/")
    html["contact"] = checked_html(page)
    type_into("Your name", "Jo Reader")
    type_into("Your email address", "jo@example.org")
    type_into("Your message", "Do you list clinics in Truro?")
    tab_to_and_press("Send your message")
    expect(page.get_by_text("Thank you: your message reached our team")).to_be_visible()
    page.screenshot(path=str(SHOTS / "i17-search-after-contact.png"), full_page=True)

    page.goto(live_server.url + guide.url)
    page.get_by_role("link", name="Report an error in this guide").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report an error in this guide")
    page.get_by_label("Your email address (optional)").focus()
    tab_to_and_press("Send the report")  # nothing typed: the error summary takes the focus
    expect(page.locator(".error-summary")).to_be_visible()
    html["report guide, error"] = checked_html(page)
    type_into("What is wrong?", "The price range is out of date.")
    page.keyboard.press("Tab")  # the optional email address
    tab_to_and_press("Send the report")
    expect(page.get_by_text("your report is with our editors")).to_be_visible()

    page.goto(live_server.url + "/clinics/wellcare-medical-centre-manchester/")
    page.get_by_role("link", name="Report this clinic").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report this clinic")
    html["report clinic"] = checked_html(page)
    type_into("What is wrong?", "The opening hours are wrong.")
    page.keyboard.press("Tab")
    tab_to_and_press("Send the report")
    expect(page.get_by_text("your report is with our administrators")).to_be_visible()
    assert nu_html_errors(html, tmp_path) == []
