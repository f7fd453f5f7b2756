"""The patient follows the request through a signed link: no account needed, nothing without it."""

from __future__ import annotations

from django.test import Client

from cosmediclist.consultations import tokens


def test_the_signed_link_shows_status_and_a_printable_summary(client: Client, consultation) -> None:
    path = tokens.status_path(consultation.reference)
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert consultation.reference in page and "Warfarin since 2019" in page
    assert response["Cache-Control"] == "private, no-store"
    token = path.split("?t=")[1]
    summary = client.get(f"/consultations/{consultation.reference}/summary.txt", {"t": token})
    assert summary.status_code == 200
    assert "Do you take blood-thinning medicine" in summary.content.decode()
    assert "attachment" in summary["Content-Disposition"]


def test_without_a_valid_token_the_page_is_not_found(client: Client, consultation, other_clinic) -> None:
    assert client.get(f"/consultations/{consultation.reference}/").status_code == 404
    assert client.get(f"/consultations/{consultation.reference}/", {"t": "forged"}).status_code == 404
    other_token = tokens.status_token("CML-0000-0000")
    assert client.get(f"/consultations/{consultation.reference}/", {"t": other_token}).status_code == 404
    assert client.get(f"/consultations/{consultation.reference}/summary.txt").status_code == 404


def test_the_response_time_formula_is_published(client: Client, db) -> None:
    response = client.get("/consultations/response-times/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    assert "median" in response.content.decode()
