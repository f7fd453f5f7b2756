"""Submitting a request: one transaction, one request per clinic and token, emails without health answers."""

from __future__ import annotations

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations.models import ConsultationRequest, Flag, Status
from cosmediclist.consultations.references import PATTERN
from cosmediclist.consultations.tests.factories import form_data
from cosmediclist.core.models import AuditEvent
from cosmediclist.directory.tests.factories import clinic_offering
from cosmediclist.notifications.models import OutgoingEmail
from tests.corpora import naughty_strings
from tests.worker import run_tasks

HEALTH_WORDS = ("Warfarin", "heart valve", "stretch marks on my tummy", "blood-thinning")


def url(clinic) -> str:
    return f"/clinics/{clinic.slug}/consultation/"


def test_the_form_shows_the_questionnaire_for_the_clinics_treatments(client: Client, clinic) -> None:
    response = client.get(url(clinic))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Do you take blood-thinning medicine" in page
    assert "your clinician will discuss your answers" in page
    assert "I confirm I am 18 or over" in page


def test_submitting_stores_request_answers_emails_and_audit_then_shows_the_reference(
    client: Client, clinic, treatment, smtp_server
) -> None:
    response = client.post(url(clinic), form_data([clinic], treatment), follow=True)
    assert response.status_code == 200
    made = ConsultationRequest.objects.get()
    assert PATTERN.match(made.reference)
    assert made.reference in response.content.decode()
    assert made.flag == Flag.CLINICIAN_REVIEW and made.status == Status.NEW
    assert made.answers.count() == 3
    assert made.is_adult_confirmed
    assert OutgoingEmail.objects.count() == 2  # the reader, and Carl at the clinic
    assert DBTaskResult.objects.filter(task_path__endswith=".deliver_email").count() == 2
    [event] = AuditEvent.objects.filter(action="consultation.submitted")
    assert event.clinic_id == clinic.pk and "Warfarin" not in str(event.data)

    run_tasks()
    by_recipient = {m["To"]: m for m in smtp_server.messages}
    reader, staff = by_recipient["rosa.reader@example.org"], by_recipient["carl.staff@example.org"]
    for message in (reader, staff):
        body = message.as_string()
        assert made.reference in body
        for word in HEALTH_WORDS:
            assert word not in body
    assert f"/consultations/{made.reference}/?t=" in reader.get_payload()[0].get_payload(decode=True).decode()
    assert f"/portal/inbox/{made.reference}/" in staff.get_payload()[0].get_payload(decode=True).decode()
    assert reader["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_double_submit_creates_one_request(client: Client, clinic, treatment) -> None:
    data = form_data([clinic], treatment)
    first = client.post(url(clinic), data)
    second = client.post(url(clinic), data)
    assert first.status_code == second.status_code == 302
    assert ConsultationRequest.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2


def test_from_a_treatment_page_each_consented_clinic_gets_its_own_copy(
    client: Client, clinic, other_clinic, treatment
) -> None:
    third = clinic_offering(treatment, name="Not chosen")
    response = client.get(f"/treatments/{treatment.slug}/consultation/")
    assert response.status_code == 200
    assert "Send my request to Not chosen" in response.content.decode()
    client.post(f"/treatments/{treatment.slug}/consultation/", form_data([clinic, other_clinic], treatment))
    made = ConsultationRequest.objects.order_by("clinic__name")
    assert {r.clinic_id for r in made} == {clinic.pk, other_clinic.pk}
    assert len({r.reference for r in made}) == 2
    assert not made.filter(clinic=third).exists()


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"is_adult_confirmed": None}, "please confirm you are 18 or over"),
        ({"q_pregnancy-breastfeeding": None}, "Please answer yes or no."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"clinics": []}, "Tick at least one clinic"),
        ({"contact_method": "phone", "phone": ""}, "Give a phone number"),
        ({"phone": "call me maybe"}, "Use digits"),
    ],
)
def test_bad_input_answers_400_with_the_message_and_keeps_what_was_typed(
    client: Client, clinic, treatment, overrides, field_message
) -> None:
    response = client.post(url(clinic), form_data([clinic], treatment, **overrides))
    assert response.status_code == 400
    page = response.content.decode()
    assert field_message in page
    assert "Softer stretch marks on my tummy before summer" in page
    assert not ConsultationRequest.objects.exists()


def test_an_unverified_or_unknown_clinic_is_refused(client: Client, treatment) -> None:
    unverified = clinic_offering(treatment, is_verified=False, verified_at=None)
    response = client.get(url(unverified))
    assert response.status_code == 404
    assert "cannot take requests yet" in response.content.decode()
    assert client.post(url(unverified), form_data([unverified], treatment)).status_code == 404
    assert client.get("/clinics/no-such-clinic/consultation/").status_code == 404


def test_a_treatment_the_clinic_does_not_offer_is_refused(client: Client, clinic, treatment) -> None:
    other = Treatment.objects.create(
        **{
            f.name: getattr(treatment, f.name)
            for f in Treatment._meta.concrete_fields
            if f.name not in {"id", "name", "slug"}
        },
        name="Laser",
        slug="laser",
    )
    response = client.post(url(clinic), form_data([clinic], treatment, treatments=[other.pk]))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_naughty_strings_in_every_text_field_never_give_a_500(client: Client, clinic, treatment) -> None:
    fields = ["hopes", "contact_times", "name", "email", "phone", "q_anticoagulants-bleeding-disorder_detail"]
    for n, text in enumerate(naughty_strings()[:60]):
        for field in fields:
            data = form_data([clinic], treatment, idempotency_token=f"naughty-token-{n:04d}-{field[:8]}")
            data[field] = text
            response = client.post(url(clinic), data)
            assert response.status_code in (302, 400), (field, text)


def test_a_form_resent_to_more_clinics_is_refused_with_a_message_not_reported_as_sent(
    client: Client, clinic, other_clinic, treatment
) -> None:
    path = f"/treatments/{treatment.slug}/consultation/"
    assert client.post(path, form_data([clinic], treatment)).status_code == 302
    response = client.post(path, form_data([clinic, other_clinic], treatment, name="Rosa Again"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "nothing more was sent" in page
    assert 'value="Rosa Again"' in page
    assert list(ConsultationRequest.objects.values_list("clinic__name", flat=True)) == [clinic.name]
