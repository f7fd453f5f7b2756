"""Every write to the directory: listings, hours, practitioners, offers, photos, verification, staff."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import time
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.core import audit
from cosmediclist.directory import images
from cosmediclist.directory.models import (
    PROFILE_FIELDS,
    Clinic,
    ClinicGroup,
    ClinicMembership,
    ClinicPhoto,
    MembershipRole,
    Offer,
    OpeningHours,
    Practitioner,
    PriceBasis,
)
from cosmediclist.notifications.services import queue_email

PRACTITIONER_FIELDS = (
    "name",
    "profession",
    "register",
    "psa_register_name",
    "registration_number",
    "bio",
    "sort_order",
)
INVITATION_SALT = "directory.staff-invitation"
INVITATION_MAX_AGE = 7 * 24 * 60 * 60


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


def save_offer(
    *,
    actor: AbstractBaseUser,
    clinic: Clinic,
    treatment: Treatment,
    price_from_gbp: int,
    price_to_gbp: int | None = None,
    price_basis: str = PriceBasis.PER_SESSION,
    practitioners: Iterable[Practitioner] = (),
    notes: str = "",
    offer: Offer | None = None,
) -> Offer:
    """Add or change what the clinic charges for a treatment.

    Raises ``ValidationError`` keyed by field: ``treatment`` when the clinic already offers it,
    ``price_to_gbp`` when below the starting price, ``practitioners`` for another clinic's staff.
    """
    chosen = list(practitioners)
    if any(p.clinic_id != clinic.pk for p in chosen):
        raise ValidationError({"practitioners": "Choose practitioners of this clinic."})
    if price_to_gbp is not None and price_to_gbp < price_from_gbp:
        raise ValidationError({"price_to_gbp": "The upper price cannot be below the starting price."})
    duplicate = Offer.objects.filter(clinic=clinic, treatment=treatment)
    if offer is not None:
        duplicate = duplicate.exclude(pk=offer.pk)
    if duplicate.exists():
        raise ValidationError(
            {"treatment": "This clinic already lists this treatment: edit that price instead."}
        )
    target = offer or Offer(clinic=clinic)
    target.treatment = treatment
    target.price_from_gbp = price_from_gbp
    target.price_to_gbp = price_to_gbp
    target.price_basis = price_basis
    target.notes = notes
    target.full_clean(exclude=["clinic", "treatment"], validate_unique=False)
    with transaction.atomic():
        target.save()
        target.practitioners.set(chosen)
        audit.record(
            actor=actor,
            action="offer.saved",
            obj=target,
            clinic_id=clinic.pk,
            data={"treatment": treatment.slug},
        )
    return target


def remove_offer(*, actor: AbstractBaseUser, offer: Offer) -> None:
    with transaction.atomic():
        audit.record(actor=actor, action="offer.removed", obj=offer, clinic_id=offer.clinic_id)
        offer.delete()


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
