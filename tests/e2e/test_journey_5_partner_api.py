"""Journey 5 of DESIGN.md: a partner uses the JSON API. The clinic's owner adds a webhook endpoint in the
portal (in the browser); the partner lists treatments and clinics near a point, reads the
questionnaire, submits a request with an Idempotency-Key, retries it (same response, one request),
and the clinic's receiver gets the signed ``consultation.created`` event, which the owner then sees
in the delivery log.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, expect
from standardwebhooks import Webhook

from cosmediclist.accounts.models import User
from cosmediclist.api import keys
from cosmediclist.catalog.tests.factories import area, concern, mesotherapy
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.directory.models import ClinicMembership, MembershipRole
from cosmediclist.directory.tests.factories import clinic_offering
from tests.e2e.axe import axe_violations
from tests.e2e.signin import second_step
from tests.personas import PASSWORD, enrol_app, make_user
from tests.worker import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def receiver(settings: Any) -> Iterator[tuple[str, list[tuple[dict[str, str], str]]]]:
    """The clinic's own system on loopback, over plain HTTP (allowed here only)."""
    settings.WEBHOOK_ALLOW_LOCAL = True
    received: list[tuple[dict[str, str], str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            received.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cosmediclist", received
    server.shutdown()
    server.server_close()


def test_a_partner_submits_a_request_once_and_the_clinic_is_told(
    browser: Browser, live_server: Any, receiver: tuple[str, list[Any]], admin: User, tmp_path: Path
) -> None:
    hook_url, received = receiver
    treatment = mesotherapy()
    concern()
    area()
    owner = make_user("owen.owner@example.org", "Owen", "Owner")
    enrol_app(owner)  # clinic staff sign in with a second factor
    clinic = clinic_offering(treatment, name="Wellcare Manchester", slug="wellcare-manchester")
    ClinicMembership.objects.create(user=owner, clinic=clinic, role=MembershipRole.OWNER)
    partner = keys.create_key(actor=admin, name="Booking partner", scopes=["read", "submit"])

    # The owner adds the clinic's receiver in the portal; the secret is shown once.
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(live_server.url + f"/account/sign-in/?next=/portal/clinics/{clinic.slug}/webhooks/")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    second_step(page, owner.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("webhooks")
    assert axe_violations(page) == []
    page.get_by_label("Address of your system").fill(hook_url)
    page.get_by_label("A consultation request arrived").check()
    page.get_by_label("A request moved to another status").check()
    page.get_by_role("button", name="Add the endpoint").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your webhook signing secret")
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / "webhook-secret.png", full_page=True)
    secret = page.locator("code.secret").inner_text()
    assert re.fullmatch(r"whsec_[A-Za-z0-9+/=]+", secret)

    # The partner lists treatments and reads the questionnaire for the one chosen.
    api = live_server.url + "/api/v1"
    auth = {"Authorization": f"Bearer {partner.secret}"}
    listed = requests.get(f"{api}/treatments", headers=auth, timeout=30).json()
    assert "mesotherapy" in [t["slug"] for t in listed["items"]]
    # ... and the clinics offering it near its user (a point in central Manchester), with distance.
    near = requests.get(
        f"{api}/clinics",
        params={"treatment": "mesotherapy", "lat": "53.4808", "lng": "-2.2426", "radius_miles": "10"},
        headers=auth,
        timeout=30,
    ).json()
    assert [found["slug"] for found in near["items"]] == [clinic.slug]
    assert near["items"][0]["distance_miles"] is not None and near["items"][0]["distance_miles"] < 10
    questions = requests.get(
        f"{api}/consultations/questions", params={"treatment": "mesotherapy"}, timeout=30
    ).json()["questions"]

    # It submits the patient's request with an Idempotency-Key, and retries it after a timeout.
    body: dict[str, Any] = {
        "clinics": [clinic.slug],
        "treatments": ["mesotherapy"],
        "concerns": ["stretch-marks"],
        "areas": ["face"],
        "hopes": "Softer stretch marks",
        "contact_method": "email",
        "name": "Rosa Reader",
        "email": "rosa.reader@example.org",
        "is_adult_confirmed": True,
        "answers": [{"question": q["slug"], "answer": "no"} for q in questions],
    }
    headers = {**auth, "Idempotency-Key": "partner-order-7781"}
    first = requests.post(f"{api}/consultations/requests", json=body, headers=headers, timeout=30)
    retry = requests.post(f"{api}/consultations/requests", json=body, headers=headers, timeout=30)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json() and retry.headers["Idempotent-Replayed"] == "true"
    reference = first.json()["requests"][0]["reference"]
    assert ConsultationRequest.objects.get().reference == reference

    # The worker delivers the signed event to the clinic's receiver.
    run_tasks()
    events = [Webhook(secret).verify(text, hook_headers) for hook_headers, text in received]
    assert [(e["type"], e["data"]["reference"]) for e in events] == [("consultation.created", reference)]
    assert "rosa" not in json.dumps(events).lower()

    # The owner sees the delivery in the log, on a phone too.
    page.goto(live_server.url + f"/portal/clinics/{clinic.slug}/webhooks/deliveries/")
    expect(page.get_by_role("listitem").filter(has_text="consultation.created")).to_contain_text("Delivered")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + f"/portal/clinics/{clinic.slug}/api-keys/")
    assert axe_violations(page) == []
    page.screenshot(path=tmp_path / "keys-phone.png", full_page=True)
