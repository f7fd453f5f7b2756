"""An owner invites staff by email with a signed link that expires after 7 days."""

from __future__ import annotations

import re
from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from cosmediclist.directory import services
from cosmediclist.directory.models import ClinicMembership, MembershipRole
from cosmediclist.directory.tests.factories import member
from tests.personas import client_for, make_user
from tests.worker import run_tasks


def invitation_path(message) -> str:
    text, html = message.get_payload()
    body = text.get_payload(decode=True).decode()
    assert "invitations/" in html.get_payload(decode=True).decode()
    found = re.search(r"http://[^/\s]+(/portal/invitations/[^\s]+/)", body)
    assert found is not None
    return found.group(1)


def test_owner_invites_by_email_and_the_invitee_joins(clinic, clinic_staff, smtp_server) -> None:
    owner = client_for(clinic_staff)
    response = owner.post(f"/portal/clinics/{clinic.slug}/team/", {"email": "New.Nurse@Example.org"})
    assert response.status_code == 302
    run_tasks()
    [message] = smtp_server.messages
    assert message["To"] == "new.nurse@example.org"
    assert message["Subject"] == "Join Wellcare Medical Centre on CosMedicList"
    path = invitation_path(message)

    invitee = make_user("new.nurse@example.org", "Nia", "Nurse")
    client = client_for(invitee)
    assert "Join Wellcare Medical Centre" in client.get(path).content.decode()
    assert client.post(path).status_code == 302
    membership = ClinicMembership.objects.get(user=invitee)
    assert (membership.clinic, membership.role) == (clinic, MembershipRole.STAFF)
    assert client.get(f"/portal/clinics/{clinic.slug}/").status_code == 200
    assert client.post(path).status_code == 302  # accepting twice is harmless
    assert ClinicMembership.objects.filter(user=invitee).count() == 1


def test_the_link_works_only_for_the_invited_address(clinic, clinic_staff, other_clinic_staff) -> None:
    token = services.invite_staff(actor=clinic_staff, clinic=clinic, email="someone@example.org")
    response = client_for(other_clinic_staff).post(f"/portal/invitations/{token}/")
    assert response.status_code == 400
    assert "sent to another email address" in response.content.decode()
    assert not ClinicMembership.objects.filter(user=other_clinic_staff, clinic=clinic).exists()


def test_an_expired_link_is_refused(clinic, clinic_staff) -> None:
    token = services.invite_staff(actor=clinic_staff, clinic=clinic, email="late@example.org")
    late = make_user("late@example.org", "Lee", "Late")
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client_for(late).post(f"/portal/invitations/{token}/")
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not ClinicMembership.objects.filter(user=late).exists()


def test_a_tampered_link_is_refused(clinic, clinic_staff, other_clinic) -> None:
    token = services.invite_staff(actor=clinic_staff, clinic=clinic, email="tamper@example.org")
    forged = token.replace(
        token.split(":")[0],
        services.invitation_token(clinic=other_clinic, email="tamper@example.org").split(":")[0],
    )
    user = make_user("tamper@example.org", "Tam", "Per")
    for bad in (forged, token[:-2] + "xx", "nonsense"):
        assert client_for(user).post(f"/portal/invitations/{bad}/").status_code == 400
    assert not ClinicMembership.objects.filter(user=user).exists()


def test_only_an_owner_can_invite(clinic, reader) -> None:
    member(reader, clinic, role=MembershipRole.STAFF)
    response = client_for(reader).post(
        f"/portal/clinics/{clinic.slug}/team/", {"email": "friend@example.org"}
    )
    assert response.status_code == 400
    assert "Only the clinic" in response.content.decode()


def test_inviting_a_current_member_is_refused_by_the_field(clinic, clinic_staff) -> None:
    response = client_for(clinic_staff).post(
        f"/portal/clinics/{clinic.slug}/team/", {"email": clinic_staff.email}
    )
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()


def test_signing_in_is_needed_to_accept(client: Client, clinic, clinic_staff) -> None:
    token = services.invite_staff(actor=clinic_staff, clinic=clinic, email="anon@example.org")
    response = client.get(f"/portal/invitations/{token}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")
