"""Journey 4: a reader compares mesotherapy, microneedling and a laser treatment side by side,
then starts from "stretch marks" and sees what can help."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cosmediclist.catalog import demo
from tests.e2e.axe import axe_violations


@pytest.mark.django_db(transaction=True)
def test_reader_compares_three_treatments_and_starts_from_a_concern(page: Page, live_server) -> None:
    demo.load()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Treatments")
    assert axe_violations(page) == []

    # Narrow the list without JavaScript-only controls: the filters live in the URL.
    page.get_by_label("Procedure type").select_option("ablative")
    page.get_by_role("button", name="Show treatments").click()
    expect(page).to_have_url(live_server.url + "/treatments/?concern=&area=&type=ablative&downtime=&price=")
    expect(page.get_by_role("heading", name="Fractional CO2 laser resurfacing")).to_be_visible()
    expect(page.get_by_role("heading", name="Microneedling")).to_have_count(0)

    page.goto(live_server.url + "/treatments/")
    for name in ("Mesotherapy", "Microneedling", "Fractional CO2 laser resurfacing"):
        page.get_by_label(f"Compare {name}", exact=True).check()
    page.get_by_role("button", name="Compare the ticked treatments").click()
    expect(page).to_have_url(
        live_server.url + "/compare/fractional-co2-laser-vs-mesotherapy-vs-microneedling/"
    )
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Mesotherapy")).to_be_visible()
    downtime = page.locator("tr.compare-row--downtime")
    expect(downtime).to_have_class("compare-row compare-row--downtime differs")
    expect(downtime).to_contain_text("None")
    expect(downtime).to_contain_text("Different")
    assert axe_violations(page) == []

    # On a phone the rows become stacked cards, each value labelled with its treatment.
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.locator("tr.compare-row--downtime").evaluate("r => getComputedStyle(r).display") == "block"
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})

    # From a treatment page, choose what to compare it with.
    page.get_by_role("link", name="Mesotherapy").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mesotherapy")
    expect(page.get_by_role("heading", name="Mesotherapy at a glance")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Compare Mesotherapy with other treatments").click()
    expect(page.get_by_label("Mesotherapy", exact=True)).to_be_checked()
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Choose at least two treatments")
    assert axe_violations(page) == []
    assert errors == ["Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    errors.clear()  # that 400 is the answer we asked for

    # Start from a concern.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Concerns").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Stretch marks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stretch marks: what can help")
    expect(page.get_by_text("Clinics use it to soften the look of stretch marks.")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Compare Mesotherapy", exact=True).check()
    page.get_by_label("Compare Microneedling", exact=True).check()
    page.get_by_role("button", name="Compare the ticked treatments").click()
    expect(page).to_have_url(live_server.url + "/compare/mesotherapy-vs-microneedling/")

    page.goto(live_server.url + "/areas/face/")
    assert axe_violations(page) == []
    page.goto(live_server.url + "/areas/")
    assert axe_violations(page) == []
    assert errors == []
