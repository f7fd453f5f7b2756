"""The pages the gate and the booking changed stay valid HTML (Nu HTML Checker), with one h1 and no
inline style or script, and the patient's status page runs a fixed number of queries."""

from __future__ import annotations

from cosmediclist.consultations import tokens
from cosmediclist.consultations.tests.factories import clear, form_data, future_local
from tests.site import nu_html_errors


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
    assert nu_html_errors(html, tmp_path) == []


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
