"""The reader's own pages are valid HTML (Nu HTML Checker) with one h1 each."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import give_patient_data
from tests.personas import client_for
from tests.site import nu_html_errors, parse

pytestmark = pytest.mark.django_db


def test_reader_pages_pass_the_nu_html_checker(patient: User, clinic_staff: User, tmp_path: Path) -> None:
    data = give_patient_data(patient, clinic_staff)
    mine = client_for(patient)
    reference = data.request.reference
    pages = {
        "ask-link": Client().get("/account/sign-in/link/"),
        "ask-link-error": Client().post("/account/sign-in/link/", {"email": "not an address"}),
        "link-forged": Client().get("/account/sign-in/link/forged/"),
        "ask-export": Client().get("/account/export/by-email/"),
        "privacy": Client().get("/privacy/"),
        "profile": mine.get("/account/"),
        "requests": mine.get("/account/requests/"),
        "answers": mine.get(f"/account/requests/{reference}/answers/"),
        "calendar": mine.post("/account/calendar/", {"action": "create"}),
        "preferences": mine.get("/account/email-preferences/"),
        "comments": mine.get("/account/comments/"),
        "export": mine.get("/account/export/"),
        "erase-error": mine.post("/account/delete/", {"email": "x@example.org"}),
        "erased": Client().get("/account/deleted/"),
    }
    for name, response in pages.items():
        assert response.status_code in (200, 400), name
        assert parse(response.content.decode()).h1_count == 1, name
    assert nu_html_errors({name: response.content for name, response in pages.items()}, tmp_path) == []
