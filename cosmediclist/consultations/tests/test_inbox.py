"""The clinic inbox: flagged first, counts, search, moves that email the patient, notes, fixed queries."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from cosmediclist.consultations import services
from cosmediclist.consultations.models import Status
from cosmediclist.consultations.tests.factories import clear, future_local, submit
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail


def test_flagged_requests_come_first_with_counts_per_status(
    staff_client, clinic, treatment, django_assert_num_queries
) -> None:
    plain = [
        submit(
            clinic,
            treatment,
            token=f"plain-token-000000{n}",
            answers=[
                services.Answer("pregnancy-breastfeeding", False),
                services.Answer("anticoagulants-bleeding-disorder", False),
                services.Answer("recent-vaccination-or-antibiotics", False),
            ],
        )
        for n in range(3)
    ]
    flagged = submit(clinic, treatment, token="flagged-token-000000")
    # 6, 1 for the portal navigation's counts, 1 to count for paging, 1 for side-effect reports
    with django_assert_num_queries(9):
        page = staff_client.get("/portal/inbox/").content.decode()
    assert page.index(flagged.reference) < min(page.index(r.reference) for r in plain)
    assert "New (4)" in page
    for n in range(3, 8):
        submit(clinic, treatment, token=f"more-token-0000000{n}")
    # 6, 1 for the portal navigation's counts, 1 to count for paging, 1 for side-effect reports
    with django_assert_num_queries(9):
        staff_client.get("/portal/inbox/")


def test_search_by_reference_and_status_filter(staff_client, clinic, treatment, clinic_staff) -> None:
    first = submit(clinic, treatment, token="first-token-00000000")
    second = submit(clinic, treatment, token="second-token-0000000")
    services.move_request(actor=clinic_staff, request=second, to_status=Status.CONTACTED)
    page = staff_client.get("/portal/inbox/", {"q": first.reference.lower()}).content.decode()
    assert first.reference in page and second.reference not in page
    page = staff_client.get("/portal/inbox/", {"status": "contacted"}).content.decode()
    assert second.reference in page and first.reference not in page


def test_the_request_page_runs_a_fixed_number_of_queries(
    staff_client, consultation, django_assert_num_queries
) -> None:
    # 14: 11, 1 for the portal navigation's counts, and 2 for the clinical review and the
    # patient's change requests (the gate and the booking).
    with django_assert_num_queries(14):
        staff_client.get(f"/portal/inbox/{consultation.reference}/")
    services.add_note(actor=consultation.clinic.memberships.get().user, request=consultation, body="One")
    services.add_note(actor=consultation.clinic.memberships.get().user, request=consultation, body="Two")
    with django_assert_num_queries(14):
        staff_client.get(f"/portal/inbox/{consultation.reference}/")


def test_moves_along_email_the_patient_when_it_concerns_them(staff_client, consultation, clinician) -> None:
    clear(consultation, clinician)
    url = f"/portal/inbox/{consultation.reference}/move/"
    assert staff_client.post(url, {"status": "contacted"}).status_code == 302
    assert not OutgoingEmail.objects.filter(template__startswith="consultation_contacted").exists()
    booking = {"status": "booked", "appointment_at": future_local(), "appointment_place": "1 High Street"}
    assert staff_client.post(url, booking).status_code == 302
    assert OutgoingEmail.objects.filter(template="consultation_booked", to=consultation.email).exists()
    consultation.refresh_from_db()
    assert consultation.status == Status.BOOKED and consultation.first_response_at is not None
    moves = AuditEvent.objects.filter(action="consultation.moved").order_by("id")
    assert [e.data["to"] for e in moves] == ["contacted", "booked"]


def test_declining_needs_a_reason_shown_next_to_the_field(staff_client, consultation) -> None:
    url = f"/portal/inbox/{consultation.reference}/move/"
    response = staff_client.post(url, {"status": "declined", "reason": ""})
    assert response.status_code == 400
    assert "Give the patient a reason" in response.content.decode()
    staff_client.post(url, {"status": "declined", "reason": "We do not treat while on blood thinners."})
    consultation.refresh_from_db()
    assert consultation.status == Status.DECLINED and consultation.finished_at is not None
    email = OutgoingEmail.objects.get(template="consultation_declined")
    assert email.context["reason"] == "We do not treat while on blood thinners."


def test_an_impossible_move_is_refused(staff_client, consultation) -> None:
    response = staff_client.post(f"/portal/inbox/{consultation.reference}/move/", {"status": "treated"})
    assert response.status_code == 400


def test_notes_are_added_and_audited_without_their_text(staff_client, consultation) -> None:
    url = f"/portal/inbox/{consultation.reference}/notes/"
    assert staff_client.post(url, {"body": ""}).status_code == 400
    assert staff_client.post(url, {"body": "INR check before booking"}).status_code == 302
    page = staff_client.get(f"/portal/inbox/{consultation.reference}/").content.decode()
    assert "INR check before booking" in page
    event = AuditEvent.objects.get(action="consultation.note_added")
    assert "INR" not in str(event.data)


def test_the_inbox_pages_through_every_request_keeping_its_filters(
    staff_client, clinic, treatment, clinic_staff, django_assert_num_queries
) -> None:
    from html import unescape

    from cosmediclist.consultations.portal_views import PAGE_SIZE

    made = [submit(clinic, treatment, token=f"paged-token-{n:09d}") for n in range(PAGE_SIZE + 3)]
    services.move_request(actor=clinic_staff, request=made[0], to_status=Status.CONTACTED)
    first = staff_client.get("/portal/inbox/", {"status": "new", "q": "CML"}).content.decode()
    links = re.findall(r'href="([^"]*)" rel="next"', first)
    assert len(links) == 1
    params = parse_qs(urlsplit(unescape(links[0])).query)
    assert params == {"status": ["new"], "q": ["CML"], "page": ["2"]}
    with django_assert_num_queries(9):
        second = staff_client.get("/portal/inbox/", params).content.decode()
    shown = set(re.findall(r"CML-[A-Z0-9]{4}-[A-Z0-9]{4}", first + second)) - {"CML-XXXX-XXXX"}
    assert shown == {r.reference for r in made[1:]}
    assert 'rel="prev"' in second and 'rel="next"' not in second
    for page in ("999999999999999999999", "-1", "x"):
        assert staff_client.get("/portal/inbox/", {"page": page}).status_code == 200
