"""Offers: what a clinic charges for a treatment and who gives it."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from cosmediclist.catalog.models import Treatment
from cosmediclist.core import audit
from cosmediclist.directory.models import (
    Clinic,
    Offer,
    Practitioner,
    PriceBasis,
)


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
