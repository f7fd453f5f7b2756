"""Talk to us: the contact form, "Report an error in this guide" and "Report this clinic"."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cosmediclist.core.models import AuditEvent
from cosmediclist.directory.tests.factories import ClinicFactory
from cosmediclist.discussion.tests.factories import make_page, rules
from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests import factories as editorial_factories
from cosmediclist.feedback import services
from cosmediclist.feedback.models import Kind, Message, Status
from cosmediclist.notifications.models import OutgoingEmail
from tests.corpora import naughty_strings

CONTACT = {"name": "Jo Reader", "email": "jo@example.org", "body": "Do you list clinics in Truro?"}


def test_the_contact_form_stores_the_message_emails_administrators_and_says_thanks(
    client: Client, admin, editor
) -> None:
    response = client.post("/contact/", CONTACT, follow=True)
    assert response.redirect_chain == [("/contact/", 302)]
    assert "Thank you: your message reached our team" in response.content.decode()
    message = Message.objects.get()
    assert (message.kind, message.status, message.body) == (Kind.CONTACT, Status.NEW, CONTACT["body"])
    assert AuditEvent.objects.filter(action="feedback.message_received", object_id=str(message.pk)).exists()
    emails = OutgoingEmail.objects.filter(key__startswith=f"feedback-received:{message.pk}:")
    assert [e.to for e in emails] == [admin.email]  # administrators only, not editors
    assert CONTACT["body"] not in str(emails[0].context)  # the reader's words stay in the site


def test_a_form_with_mistakes_keeps_everything_typed_and_names_the_fields(client: Client, db) -> None:
    response = client.post("/contact/", {**CONTACT, "email": "not-an-address"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page and 'id="id_email_error"' in page
    assert 'value="Jo Reader"' in page and "Do you list clinics in Truro?" in page
    assert 'value="not-an-address"' in page
    assert not Message.objects.exists()


def test_naughty_strings_in_every_field_never_cause_a_500(client: Client, db) -> None:
    clinic = ClinicFactory.create()
    article = make_page()
    for text in naughty_strings():
        for url, data in (
            ("/contact/", {"name": text, "email": text, "body": text}),
            (f"/report/guide/{article.pk}/", {"body": text, "email": text}),
            (f"/report/clinic/{clinic.slug}/", {"body": text, "email": "jo@example.org"}),
        ):
            response = client.post(url, data)
            assert response.status_code in (302, 400, 429), (url, text)


def test_many_messages_from_one_address_are_refused_and_the_text_kept(client: Client, db) -> None:
    for _ in range(5):
        assert client.post("/contact/", CONTACT).status_code == 302
    response = client.post("/contact/", {**CONTACT, "body": "A sixth message"})
    assert response.status_code == 429
    assert "A sixth message" in response.content.decode()
    assert "Please try again later" in response.content.decode()
    assert Message.objects.count() == 5


def test_spam_is_stored_as_spam_and_nobody_is_emailed(client: Client, admin) -> None:
    rules(disallowed_words="cheap pills")
    assert client.post("/contact/", {**CONTACT, "body": "Buy cheap pills now"}).status_code == 302
    assert Message.objects.get().status == Status.SPAM
    assert not OutgoingEmail.objects.exists()


def test_an_error_in_a_guide_goes_to_the_editors_with_the_page(client: Client, admin, editor) -> None:
    article = editorial_factories.article(set_up_editorial())
    page = client.get(article.url).content.decode()
    assert f'href="/report/guide/{article.pk}/">Report an error in this guide</a>' in page
    form = client.get(f"/report/guide/{article.pk}/")
    assert form.status_code == 200 and article.title in form.content.decode()
    response = client.post(
        f"/report/guide/{article.pk}/", {"body": "The price range is out of date."}, follow=True
    )
    assert response.redirect_chain[-1][0] == article.url
    assert "your report is with our editors" in response.content.decode()
    message = Message.objects.get()
    assert (message.kind, message.page_id) == (Kind.GUIDE_ERROR, article.pk)
    told = set(OutgoingEmail.objects.filter(key__startswith="feedback-").values_list("to", flat=True))
    assert {admin.email, editor.email} <= told
    queue = client_for_staff(client, admin).get("/cms/snippets/feedback/message/")
    assert queue.status_code == 200 and article.title in queue.content.decode()


def client_for_staff(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_report_this_clinic_goes_to_administrators(client: Client, admin, editor) -> None:
    clinic = ClinicFactory.create(name="Report Me Clinic")
    assert (
        f'href="/report/clinic/{clinic.slug}/">Report this clinic</a>'
        in client.get(clinic.get_absolute_url()).content.decode()
    )
    response = client.post(
        f"/report/clinic/{clinic.slug}/", {"body": "The phone number is wrong.", "email": ""}
    )
    assert response.status_code == 302 and response["Location"] == clinic.get_absolute_url()
    message = Message.objects.get()
    assert (message.kind, message.clinic_id) == (Kind.CLINIC_REPORT, clinic.pk)
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [admin.email]


def test_unknown_pages_and_clinics_get_404(client: Client, db) -> None:
    assert client.get("/report/guide/999999/").status_code == 404
    assert client.get("/report/clinic/no-such-clinic/").status_code == 404
    hidden = ClinicFactory.create(is_verified=False, verified_at=None)
    assert client.get(f"/report/clinic/{hidden.slug}/").status_code == 404


def test_old_messages_are_purged_after_the_retention_period(db, settings) -> None:
    settings.FEEDBACK_RETENTION_DAYS = 30
    with time_machine.travel(timezone.now() - datetime.timedelta(days=31)):
        services.receive_message(actor=None, kind=Kind.CONTACT, body="old", rules=rules())
    services.receive_message(actor=None, kind=Kind.CONTACT, body="new", rules=rules())
    assert services.purge_old_messages() == 1
    assert list(Message.objects.values_list("body", flat=True)) == ["new"]
    assert services.purge_old_messages() == 0


@pytest.mark.parametrize("url", ["/contact/"])
def test_the_contact_page_runs_a_fixed_number_of_queries(
    client: Client, db, url, django_assert_num_queries
) -> None:
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
