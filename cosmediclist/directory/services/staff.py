"""Staff: a clinic owner's invitation, by a signed link, and its acceptance."""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from cosmediclist.accounts.models import User
from cosmediclist.core import audit
from cosmediclist.directory.models import (
    Clinic,
    ClinicMembership,
    MembershipRole,
)
from cosmediclist.notifications.services import queue_email

INVITATION_SALT = "directory.staff-invitation"
INVITATION_MAX_AGE = 7 * 24 * 60 * 60


def invitation_token(*, clinic: Clinic, email: str) -> str:
    return signing.TimestampSigner(salt=INVITATION_SALT).sign_object({"c": clinic.pk, "e": email.lower()})


def invite_staff(*, actor: User, clinic: Clinic, email: str) -> str:
    """Email a signed link, valid for 7 days, that makes its holder staff of the clinic.

    Only an owner may invite; raises ``ValidationError`` on ``email`` otherwise or when the
    address already belongs to a member. Returns the token (the email carries it).
    """
    email = User.objects.normalize_email(email.strip()).lower()
    if not ClinicMembership.objects.filter(user=actor, clinic=clinic, role=MembershipRole.OWNER).exists():
        raise ValidationError({"email": "Only the clinic's owner can invite staff."})
    if ClinicMembership.objects.filter(clinic=clinic, user__email__iexact=email).exists():
        raise ValidationError({"email": "This person is already on the clinic's team."})
    token = invitation_token(clinic=clinic, email=email)
    with transaction.atomic():
        queue_email(
            key=f"clinic-invitation:{clinic.pk}:{email}:{token.rsplit(':', 2)[-2]}",
            template="clinic_invitation",
            to=email,
            context={
                "clinic_name": clinic.name,
                "inviter": actor.display_name,
                "path": reverse("directory_portal:accept-invitation", args=[token]),
                "days": INVITATION_MAX_AGE // 86400,
            },
        )
        audit.record(actor=actor, action="clinic.staff_invited", obj=clinic, clinic_id=clinic.pk)
    return token


def read_invitation(token: str) -> tuple[Clinic, str]:
    """The clinic and address an invitation is for; ``ValidationError`` when forged or expired."""
    try:
        payload = signing.TimestampSigner(salt=INVITATION_SALT).unsign_object(
            token, max_age=INVITATION_MAX_AGE
        )
    except signing.SignatureExpired:
        raise ValidationError(
            {"token": "This invitation has expired. Ask the clinic for a new one."}
        ) from None
    except signing.BadSignature:
        raise ValidationError({"token": "This invitation link is not valid."}) from None
    clinic = Clinic.objects.filter(pk=payload.get("c")).first()
    if clinic is None:
        raise ValidationError({"token": "This invitation link is not valid."})
    return clinic, str(payload.get("e", ""))


def accept_invitation(*, user: User, token: str) -> ClinicMembership:
    """Make the signed-in user staff of the inviting clinic.

    The invitation is for one email address: raises ``ValidationError`` on ``token`` when the
    user's address differs, the link is forged or it has expired. Accepting twice is harmless.
    """
    clinic, email = read_invitation(token)
    if user.email.lower() != email:
        raise ValidationError({"token": "This invitation was sent to another email address."})
    with transaction.atomic():
        membership, created = ClinicMembership.objects.get_or_create(
            user=user, clinic=clinic, defaults={"role": MembershipRole.STAFF}
        )
        if created:
            audit.record(actor=user, action="clinic.staff_joined", obj=clinic, clinic_id=clinic.pk)
    return membership
