"""The only way from a signed-in user to a clinic's private listing data (the portal)."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from cosmediclist.directory.models import Clinic, ClinicMembership, MembershipRole, Offer, Practitioner


def clinics_for_staff(user: AbstractBaseUser | AnonymousUser) -> list[Clinic]:
    """The clinics the user works for, by name; empty for anyone else (administrators included)."""
    if not user.is_authenticated:
        return []
    return list(Clinic.objects.filter(memberships__user_id=user.pk).select_related("group").order_by("name"))


def get_visible_clinic(user: AbstractBaseUser | AnonymousUser, slug: str) -> Clinic:
    """A clinic's public profile (``for_profile()``): a verified clinic for everyone, an unverified
    one only for its own staff and administrators.

    Raises ``Http404`` otherwise, whether the clinic is missing or not yet verified.
    """
    clinic = Clinic.objects.for_profile().filter(slug=slug).first()
    if clinic is None:
        raise Http404
    if clinic.is_verified:
        return clinic
    if user.is_authenticated and (
        getattr(user, "is_superuser", False)
        or ClinicMembership.objects.filter(user_id=user.pk, clinic=clinic).exists()
    ):
        return clinic
    raise Http404


def get_clinic_for_staff(user: AbstractBaseUser | AnonymousUser, slug: str) -> Clinic:
    """The clinic if the user is its owner or staff.

    Raises ``Http404`` otherwise, so that staff of another clinic cannot even tell that it exists.
    """
    if not user.is_authenticated:
        raise Http404
    clinic = Clinic.objects.filter(slug=slug, memberships__user_id=user.pk).select_related("group").first()
    if clinic is None:
        raise Http404
    return clinic


def is_owner(user: AbstractBaseUser | AnonymousUser, clinic: Clinic) -> bool:
    if not user.is_authenticated:
        return False
    return ClinicMembership.objects.filter(user_id=user.pk, clinic=clinic, role=MembershipRole.OWNER).exists()


def get_practitioner_for_staff(user: AbstractBaseUser | AnonymousUser, slug: str, pk: int) -> Practitioner:
    """A practitioner of one of the user's clinics; ``Http404`` for anything else."""
    clinic = get_clinic_for_staff(user, slug)
    practitioner = Practitioner.objects.filter(clinic=clinic, pk=pk).select_related("clinic").first()
    if practitioner is None:
        raise Http404
    return practitioner


def get_offer_for_staff(user: AbstractBaseUser | AnonymousUser, slug: str, pk: int) -> Offer:
    """An offer of one of the user's clinics; ``Http404`` for anything else."""
    clinic = get_clinic_for_staff(user, slug)
    offer = Offer.objects.filter(clinic=clinic, pk=pk).select_related("clinic", "treatment").first()
    if offer is None:
        raise Http404
    return offer
