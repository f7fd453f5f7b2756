"""The clinician badge on comments is earned by a checked register entry at a verified clinic, nothing less."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cosmediclist.accounts.models import User
from cosmediclist.directory.models import ClinicMembership, Practitioner
from cosmediclist.directory.tests.factories import ClinicFactory, PractitionerFactory
from cosmediclist.discussion.models import Badge, Comment
from cosmediclist.discussion.services import moderate
from cosmediclist.discussion.tests.factories import form_data
from tests.personas import client_for


def comment_as(user: User, page) -> Comment:
    response = client_for(user).post(
        reverse("discussion:post", args=[page.pk]), {**form_data(), "email": "", "name": user.get_full_name()}
    )
    assert response.status_code == 302
    return Comment.objects.filter(user=user).latest("id")


def test_a_registered_practitioner_of_a_verified_clinic_carries_the_clinician_badge(
    article, clinic_staff, admin
) -> None:
    PractitionerFactory.create(user=clinic_staff, clinic=ClinicFactory.create(is_verified=True))
    comment = comment_as(clinic_staff, article)
    assert comment.badge == Badge.CLINICIAN
    moderate(comment_ids=[comment.pk], action="approve", actor=admin)
    html = Client().get(reverse("discussion:page-comments", args=[article.pk])).content.decode()
    assert "badge--clinician" in html and "Registered clinician" in html


@pytest.mark.parametrize(
    "case",
    ["membership only", "unverified clinic", "register entry not checked", "no register number"],
)
def test_staff_without_a_checked_register_entry_at_a_verified_clinic_get_no_badge(
    article, clinic_staff, case: str
) -> None:
    clinic = ClinicFactory.create(is_verified=case != "unverified clinic")
    ClinicMembership.objects.create(user=clinic_staff, clinic=clinic)
    if case != "membership only":
        practitioner = PractitionerFactory.create(user=clinic_staff, clinic=clinic)
        if case == "register entry not checked":
            Practitioner.objects.filter(pk=practitioner.pk).update(
                is_registration_verified=False, registration_verified_at=None
            )
        if case == "no register number":
            Practitioner.objects.filter(pk=practitioner.pk).update(registration_number="")
    assert comment_as(clinic_staff, article).badge == Badge.NONE


def test_another_practitioners_register_entry_does_not_lend_its_badge(article, clinic_staff) -> None:
    clinic = ClinicFactory.create(is_verified=True)
    ClinicMembership.objects.create(user=clinic_staff, clinic=clinic)
    PractitionerFactory.create(clinic=clinic)  # a colleague's entry, not linked to this account
    assert comment_as(clinic_staff, article).badge == Badge.NONE
