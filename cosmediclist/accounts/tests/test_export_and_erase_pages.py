"""Export as JSON and a readable page; export by email link; erasure after re-typing the address."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import MARKERS, give_patient_data
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail
from tests.dump import raw_database_text
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_export_downloads_as_json_and_reads_as_a_page(patient: User, clinic_staff: User) -> None:
    give_patient_data(patient, clinic_staff)
    client = client_for(patient)
    download = client.get("/account/export/data.json")
    assert download["Content-Disposition"].startswith("attachment")
    data = json.loads(download.content)
    assert data["sections"]["Account"]["items"][0]["email"] == patient.email
    page = client.get("/account/export/").content.decode()
    assert "Warfarin since 2019" in page and "Consultation requests" in page
    assert AuditEvent.objects.filter(action="privacy.exported").count() == 1


def test_export_by_email_answers_the_same_and_sends_an_expiring_link(
    patient: User, clinic_staff: User
) -> None:
    give_patient_data(patient, clinic_staff)
    ConsultationRequest.objects.update(user=None)
    client = Client()
    known = client.post("/account/export/by-email/", {"email": "pia.patient@example.org"})
    unknown = client.post("/account/export/by-email/", {"email": "nobody@example.org"})
    assert known.content == unknown.content
    [email] = OutgoingEmail.objects.filter(template="export_link")
    path = email.context["link_path"]
    page = Client().get(path).content.decode()
    assert "Softer stretch marks" in page
    assert json.loads(Client().get(path + "data.json").content)["sections"]["Comments"]["items"]
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        expired = Client().get(path)
    assert expired.status_code == 400 and "expired" in expired.content.decode()
    assert Client().get("/account/export/by-email/forged/").status_code == 400


def test_erasure_needs_the_address_retyped(patient: User, clinic_staff: User) -> None:
    give_patient_data(patient, clinic_staff)
    response = client_for(patient).post("/account/delete/", {"email": "someone.else@example.org"})
    assert response.status_code == 400
    assert "not the email address" in response.content.decode()
    assert 'value="someone.else@example.org"' in response.content.decode()
    assert User.objects.filter(pk=patient.pk).exists()


def test_erasure_leaves_nothing_of_the_person_and_signs_them_out(patient: User, clinic_staff: User) -> None:
    data = give_patient_data(patient, clinic_staff)
    client = client_for(patient)
    other_browser = client_for(patient)
    response = client.post("/account/delete/", {"email": "PIA.patient@example.org"})
    assert response["Location"] == "/account/deleted/"
    dump = raw_database_text()
    assert [marker for marker in MARKERS if marker in dump] == []
    assert client.get("/account/requests/").status_code == 302
    assert other_browser.get("/account/requests/").status_code == 302
    inbox = client_for(clinic_staff).get(f"/portal/inbox/{data.request.reference}/").content.decode()
    assert "Erased at the patient&#x27;s request" in inbox or "Erased at the patient's request" in inbox
