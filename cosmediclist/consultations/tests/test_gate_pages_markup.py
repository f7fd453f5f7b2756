"""The pages the gate and the booking changed stay valid HTML (Nu HTML Checker), with one h1 and no
inline style or script, and the patient's status page runs a fixed number of queries."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from cosmediclist.consultations import tokens
from cosmediclist.consultations.tests.conftest import clear, future_local
from cosmediclist.consultations.tests.factories import form_data

VNU = Path(__file__).resolve().parents[3] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(pages: dict[str, str], tmp_path: Path) -> list[str]:
    java = shutil.which("java")
    assert java and VNU.exists(), "the Nu HTML Checker needs Java and npm ci"
    files = {}
    for index, (name, html) in enumerate(pages.items()):
        file = tmp_path / f"page{index}.html"
        file.write_text(html)
        files[str(file)] = name
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        f"{files.get(m['url'].removeprefix('file:'), m['url'])}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr or "{}").get("messages", [])
        if m.get("type") == "error"
    ]


def test_gate_and_booking_pages_are_valid_html(
    client, staff_client, clinician_client, clinic, treatment, consultation, clinician, tmp_path
) -> None:
    pages = {"request awaiting review": clinician_client.get(f"/portal/inbox/{consultation.reference}/")}
    pages["plan refused"] = staff_client.get(f"/portal/inbox/{consultation.reference}/plan/")
    pages["inbox"] = staff_client.get("/portal/inbox/")
    clear(consultation, clinician)
    staff_client.post(
        f"/portal/inbox/{consultation.reference}/move/",
        {"status": "booked", "appointment_at": future_local(), "appointment_place": clinic.full_address},
    )
    pages["request booked"] = staff_client.get(f"/portal/inbox/{consultation.reference}/")
    pages["status booked"] = client.get(tokens.status_path(consultation.reference))
    data = form_data(
        [clinic], treatment, **{"q_pregnancy-breastfeeding": "yes", "idempotency_token": "x" * 20}
    )
    pages["confirmation"] = client.post(f"/clinics/{clinic.slug}/consultation/", data, follow=True)
    html = {name: response.content.decode() for name, response in pages.items()}
    for name, page in html.items():
        assert page.count("<h1") == 1, name
        assert " style=" not in page and "<script>" not in page, name
    assert nu_errors(html, tmp_path) == []


def test_the_status_page_of_a_booked_request_runs_a_fixed_number_of_queries(
    client, staff_client, consultation, clinician, django_assert_num_queries
) -> None:
    clear(consultation, clinician)
    staff_client.post(
        f"/portal/inbox/{consultation.reference}/move/",
        {"status": "booked", "appointment_at": future_local(), "appointment_place": "1 High Street"},
    )
    path = tokens.status_path(consultation.reference)
    with django_assert_num_queries(10):
        client.get(path)
    client.post(path.replace("/?t=", "/change/?t="), {"kind": "rearrange", "message": "Afternoons, please."})
    client.post(path.replace("/?t=", "/change/?t="), {"kind": "cancel", "message": "Sorry, please cancel."})
    with django_assert_num_queries(10):
        client.get(path)
