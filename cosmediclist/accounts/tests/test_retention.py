"""Each kind of personal data goes on schedule, each purge audited; the clock is moved, not waited for."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from cosmediclist.accounts import retention
from cosmediclist.accounts.models import SignInLink, User
from cosmediclist.accounts.tests.privacy_fixtures import give_patient_data
from cosmediclist.consultations import tasks as consultation_tasks
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.core.models import AuditEvent
from cosmediclist.core.periodic import run_due
from cosmediclist.discussion.models import Comment
from cosmediclist.notifications.models import OutgoingEmail
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _purged(kind: str) -> int:
    return sum(e.data["count"] for e in AuditEvent.objects.filter(action="retention.purged", data__kind=kind))


def test_sent_emails_go_after_their_period(patient: User, clinic_staff: User, settings: Any) -> None:
    give_patient_data(patient, clinic_staff)
    OutgoingEmail.objects.update(status=OutgoingEmail.Status.SENT)
    total = OutgoingEmail.objects.count()
    with time_machine.travel(timezone.now() + timedelta(days=settings.EMAIL_RETENTION_DAYS - 1)):
        assert retention.purge_old_emails() == 0
    with time_machine.travel(timezone.now() + timedelta(days=settings.EMAIL_RETENTION_DAYS + 1)):
        assert retention.purge_old_emails() == total
    assert not OutgoingEmail.objects.exists()
    assert _purged("emails") == total


def test_sign_in_links_and_comment_address_hashes_go(
    patient: User, clinic_staff: User, settings: Any
) -> None:
    give_patient_data(patient, clinic_staff)
    Client().post("/account/sign-in/link/", {"email": patient.email})
    assert SignInLink.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=settings.COMMENT_IP_RETENTION_DAYS + 1)):
        run_due()
    assert not SignInLink.objects.exists()
    assert Comment.objects.get().ip_hash == ""
    assert _purged("sign_in_links") == 1 and _purged("comment_address_hashes") == 1


def test_expired_sessions_go(patient: User) -> None:
    client_for(patient)
    assert Session.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(weeks=3)):
        assert retention.purge_expired_sessions() == 1


def test_old_finished_requests_are_erased(patient: User, clinic_staff: User, settings: Any) -> None:
    data = give_patient_data(patient, clinic_staff)
    from cosmediclist.consultations.services.privacy import withdraw_request

    withdraw_request(actor=patient, request=data.request)
    with time_machine.travel(timezone.now() + timedelta(days=settings.REQUEST_RETENTION_DAYS - 1)):
        assert consultation_tasks.purge_old_requests() == 0
    with time_machine.travel(timezone.now() + timedelta(days=settings.REQUEST_RETENTION_DAYS + 1)):
        assert consultation_tasks.purge_old_requests() == 1
    husk = ConsultationRequest.objects.get()
    assert husk.erased_at is not None and husk.email == "" and husk.phone == ""
    assert _purged("requests") == 1


def test_the_privacy_page_lists_every_kind_with_its_setting(db: None, settings: Any) -> None:
    page = Client().get("/privacy/").content.decode()
    for setting in (
        "INTAKE_RETENTION_DAYS",
        "REQUEST_RETENTION_DAYS",
        "EMAIL_RETENTION_DAYS",
        "SIGN_IN_LINK_RETENTION_DAYS",
        "COMMENT_IP_RETENTION_DAYS",
        "FEEDBACK_RETENTION_DAYS",
    ):
        assert f"{getattr(settings, setting)} days ({setting})" in page
    assert "csrftoken" in page and "sessionid" in page
