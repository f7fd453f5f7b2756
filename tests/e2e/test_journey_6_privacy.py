"""Journey 6 of DESIGN.md: a patient signs in with an emailed link, sees their request and plan,
downloads the export, erases everything, and a raw dump of the database holds nothing of theirs.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import MARKERS, give_patient_data
from tests.dump import raw_database_text
from tests.e2e.axe import axe_violations
from tests.personas import PASSWORD
from tests.smtp import SmtpSink
from tests.worker import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in_link(sink: SmtpSink, to: str) -> str:
    run_tasks()
    [message] = [m for m in sink.messages if m["To"] == to and "sign-in link" in str(m["Subject"])]
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    text = part.get_payload(decode=True).decode()  # type: ignore[union-attr]
    found = re.search(r"https?://\S+/account/sign-in/link/\S+/", text)
    assert found
    return "/" + found.group(0).split("/", 3)[3]


def test_patient_signs_in_with_a_link_exports_and_erases_everything(
    page: Page, live_server: object, smtp_server: SmtpSink
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    patient = User.objects.create_user(
        "pia.patient@example.org", PASSWORD, first_name="Pia", last_name="Patient"
    )
    staff = User.objects.create_user("carl.staff@example.org", PASSWORD, first_name="Carl")
    data = give_patient_data(patient, staff)
    reference = data.request.reference

    page.goto(base + "/account/sign-in/")
    page.get_by_role("link", name="Sign in with a link sent by email").click()
    page.get_by_label("Your email address").fill("pia.patient@example.org")
    page.get_by_role("button", name="Email me a sign-in link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    page.goto(base + sign_in_link(smtp_server, "pia.patient@example.org"))
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("My requests and plans")
    expect(page.get_by_role("heading", name=re.compile(reference))).to_be_visible()
    expect(page.get_by_text("Session 2:")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(base + "/account/export/")
    expect(page.get_by_text("Softer stretch marks on my tummy before summer")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download it all (JSON)").click()
    exported = json.loads(open(download_info.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert exported["sections"]["Consultation requests"]["items"][0]["reference"] == reference

    page.goto(base + "/account/delete/")
    page.get_by_label("Type your email address to confirm").fill("pia.patient@example.org")
    page.get_by_role("button", name="Erase everything").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data is erased")

    dump = raw_database_text()
    assert [marker for marker in MARKERS if marker in dump] == []
    page.goto(base + "/account/requests/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
