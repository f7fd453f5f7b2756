"""Listings: a clinic's details, opening hours, photos and an administrator's verification."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import time
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from cosmediclist.accounts.models import User
from cosmediclist.core import audit
from cosmediclist.directory import images
from cosmediclist.directory.models import (
    PROFILE_FIELDS,
    Clinic,
    ClinicGroup,
    ClinicMembership,
    ClinicPhoto,
    MembershipRole,
    OpeningHours,
)


def _unique_slug(name: str, town: str) -> str:
    base = slugify(f"{name} {town}")[:160] or "clinic"
    slug, n = base, 2
    while Clinic.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_clinic(
    *,
    actor: AbstractBaseUser | None,
    name: str,
    address: str,
    town: str,
    postcode: str,
    latitude: float,
    longitude: float,
    owner: User | None = None,
    group: ClinicGroup | None = None,
    **details: Any,
) -> Clinic:
    """A new, unverified clinic (hidden from the public until an administrator verifies it)."""
    unknown = set(details) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown clinic fields: {sorted(unknown)}")
    with transaction.atomic():
        clinic = Clinic(
            name=name.strip(),
            slug=_unique_slug(name, town),
            address=address,
            town=town,
            postcode=postcode.upper(),
            latitude=latitude,
            longitude=longitude,
            group=group,
            **details,
        )
        clinic.full_clean()
        clinic.save()
        if owner is not None:
            ClinicMembership.objects.create(user=owner, clinic=clinic, role=MembershipRole.OWNER)
        audit.record(actor=actor, action="clinic.created", obj=clinic, clinic_id=clinic.pk)
    return clinic


def update_clinic(*, actor: AbstractBaseUser, clinic: Clinic, changes: Mapping[str, Any]) -> Clinic:
    """Change the listing's public details; raises ``ValidationError`` keyed by field."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be changed here."))
    with transaction.atomic():
        for field, value in changes.items():
            setattr(clinic, field, value)
        clinic.postcode = clinic.postcode.upper()
        clinic.full_clean(exclude=["slug"])
        clinic.save()
        audit.record(
            actor=actor,
            action="clinic.updated",
            obj=clinic,
            clinic_id=clinic.pk,
            data={"fields": ",".join(changes)},
        )
    return clinic


def set_opening_hours(
    *, actor: AbstractBaseUser, clinic: Clinic, hours: Iterable[tuple[int, time, time]]
) -> list[OpeningHours]:
    """Replace the week's opening hours; days left out are closed.

    Raises ``ValidationError`` on ``hours`` for a repeated day or a closing time not after opening.
    """
    rows = [
        OpeningHours(clinic=clinic, weekday=day, opens_at=opens, closes_at=closes)
        for day, opens, closes in hours
    ]
    days = [row.weekday for row in rows]
    if len(days) != len(set(days)):
        raise ValidationError({"hours": "Each day can appear only once."})
    for row in rows:
        if not 0 <= row.weekday <= 6:
            raise ValidationError({"hours": "Unknown day of the week."})
        if row.opens_at >= row.closes_at:
            raise ValidationError({"hours": f"{row.get_weekday_display()}: closing must be after opening."})
    with transaction.atomic():
        OpeningHours.objects.filter(clinic=clinic).delete()
        created = OpeningHours.objects.bulk_create(rows)
        audit.record(
            actor=actor, action="clinic.hours_set", obj=clinic, clinic_id=clinic.pk, data={"days": len(rows)}
        )
    return created


def add_photo(
    *, actor: AbstractBaseUser, clinic: Clinic, upload: UploadedFile[bytes], alt_text: str
) -> ClinicPhoto:
    """Store a re-encoded copy of an uploaded photo under a server-made name.

    Raises ``ValidationError`` on ``image`` (see ``images.reencode``) or ``alt_text``.
    """
    alt_text = " ".join(alt_text.split())
    if not alt_text:
        raise ValidationError({"alt_text": "Describe the photo for people who cannot see it."})
    clean = images.reencode(upload, field="image")
    photo = ClinicPhoto(clinic=clinic, alt_text=alt_text[:200], sort_order=clinic.photos.count())
    with transaction.atomic():
        photo.image.save(clean.name or "photo.jpg", clean, save=False)
        photo.save()
        audit.record(actor=actor, action="photo.added", obj=photo, clinic_id=clinic.pk)
    return photo


def remove_photo(*, actor: AbstractBaseUser, photo: ClinicPhoto) -> None:
    with transaction.atomic():
        audit.record(actor=actor, action="photo.removed", obj=photo, clinic_id=photo.clinic_id)
        photo.delete()
        transaction.on_commit(lambda: photo.image.delete(save=False))


def verify_clinic(*, actor: AbstractBaseUser, clinic: Clinic, verified: bool = True) -> Clinic:
    """An administrator's check: a verified clinic is listed in search and has a public page."""
    if not getattr(actor, "is_superuser", False):
        raise ValidationError({"clinic": "Only an administrator can verify clinics."})
    with transaction.atomic():
        clinic.is_verified = verified
        clinic.verified_at = timezone.now() if verified else None
        clinic.save(update_fields=["is_verified", "verified_at", "updated_at"])
        audit.record(
            actor=actor,
            action="clinic.verified" if verified else "clinic.unverified",
            obj=clinic,
            clinic_id=clinic.pk,
        )
    return clinic
