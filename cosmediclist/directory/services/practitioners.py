"""Practitioners: who treats at a clinic, their register entry, its check and their account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from cosmediclist.accounts.models import User
from cosmediclist.core import audit
from cosmediclist.directory import images
from cosmediclist.directory.models import (
    PRACTITIONER_FIELDS,
    Clinic,
    ClinicMembership,
    Practitioner,
)


def save_practitioner(
    *,
    actor: AbstractBaseUser,
    clinic: Clinic,
    data: Mapping[str, Any],
    practitioner: Practitioner | None = None,
    photo: UploadedFile[bytes] | None = None,
) -> Practitioner:
    """Add or change a practitioner of the clinic.

    A new register or registration number clears the administrator's verification, which must
    then be done again. Raises ``ValidationError`` keyed by field (``photo`` for a bad image).
    """
    unknown = set(data) - set(PRACTITIONER_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be changed here."))
    target = practitioner or Practitioner(clinic=clinic)
    if target.clinic_id != clinic.pk:
        raise ValidationError({"clinic": "This practitioner belongs to another clinic."})
    before = (target.register, target.registration_number)
    for field, value in data.items():
        setattr(target, field, value)
    target.registration_number = "".join(str(target.registration_number).split()).upper()
    if (target.register, target.registration_number) != before:
        target.is_registration_verified = False
        target.registration_verified_at = None
    clean_photo = images.reencode(photo, field="photo") if photo is not None else None
    target.full_clean(exclude=["photo", "clinic"])
    with transaction.atomic():
        if clean_photo is not None:
            target.photo.save(clean_photo.name or "photo.jpg", clean_photo, save=False)
        target.save()
        audit.record(
            actor=actor,
            action="practitioner.saved" if practitioner else "practitioner.added",
            obj=target,
            clinic_id=clinic.pk,
        )
    return target


def remove_practitioner(*, actor: AbstractBaseUser, practitioner: Practitioner) -> None:
    with transaction.atomic():
        audit.record(
            actor=actor, action="practitioner.removed", obj=practitioner, clinic_id=practitioner.clinic_id
        )
        practitioner.delete()


def verify_practitioner(
    *, actor: AbstractBaseUser, practitioner: Practitioner, verified: bool = True
) -> Practitioner:
    """An administrator's record that the registration number was checked on the public register."""
    if not getattr(actor, "is_superuser", False):
        raise ValidationError({"practitioner": "Only an administrator can verify registrations."})
    with transaction.atomic():
        practitioner.is_registration_verified = verified
        practitioner.registration_verified_at = timezone.now() if verified else None
        practitioner.save(
            update_fields=["is_registration_verified", "registration_verified_at", "updated_at"]
        )
        audit.record(
            actor=actor,
            action="practitioner.verified" if verified else "practitioner.unverified",
            obj=practitioner,
            clinic_id=practitioner.clinic_id,
        )
    return practitioner


def link_practitioner(
    *, actor: AbstractBaseUser, practitioner: Practitioner, user: User | None
) -> Practitioner:
    """An administrator's record that ``user`` (a member of the clinic) is this practitioner.

    That makes the user a clinician of the clinic: with a register entry, they may record the
    clinical review of a flagged request. ``user`` None removes the link. Audited. Raises
    ValidationError("user") when the user does not work for the practitioner's clinic.
    """
    if not getattr(actor, "is_superuser", False):
        raise ValidationError(
            {"practitioner": "Only an administrator can link a practitioner to an account."}
        )
    if (
        user is not None
        and not ClinicMembership.objects.filter(user=user, clinic_id=practitioner.clinic_id).exists()
    ):
        raise ValidationError({"user": "This account does not work for the practitioner's clinic."})
    with transaction.atomic():
        practitioner.user = user
        practitioner.save(update_fields=["user", "updated_at"])
        audit.record(
            actor=actor,
            action="practitioner.linked" if user is not None else "practitioner.unlinked",
            obj=practitioner,
            clinic_id=practitioner.clinic_id,
            data={"user_id": user.pk if user is not None else None},
        )
    return practitioner
