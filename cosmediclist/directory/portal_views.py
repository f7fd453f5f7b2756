"""The clinic portal's listing editor, mounted under /portal/: staff see and change only their clinics.

Every view first finds the clinic through ``access`` (404 for anyone else), and only then looks
at the method, so that staff of another clinic get the same 404 for every URL and method.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render

from cosmediclist.accounts.http import AuthenticatedHttpRequest
from cosmediclist.core.portal import add_service_errors, portal_view, run_form
from cosmediclist.directory import access, services
from cosmediclist.directory.forms import (
    ClinicProfileForm,
    HoursForm,
    InviteForm,
    OfferForm,
    PhotoForm,
    PractitionerForm,
)
from cosmediclist.directory.models import (
    PRACTITIONER_FIELDS,
    Clinic,
    ClinicMembership,
    ClinicPhoto,
    Practitioner,
)

SAFE = ("GET", "HEAD")


def _not_allowed(
    request: AuthenticatedHttpRequest, allowed: tuple[str, ...] = ("GET", "HEAD", "POST")
) -> HttpResponse | None:
    return None if request.method in allowed else HttpResponseNotAllowed(allowed)


def _remove(
    request: AuthenticatedHttpRequest, remove: Callable[[], None], message: str, back_to: str, slug: str
) -> HttpResponse:
    """Remove a practitioner, an offer or a photo (POST only), then back to its list with ``message``."""
    if (refused := _not_allowed(request, ("POST",))) is not None:
        return refused
    remove()
    messages.success(request, message)
    return redirect(back_to, slug=slug)


@portal_view()
def portal_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    if (refused := _not_allowed(request, SAFE)) is not None:
        return refused
    return render(request, "directory/portal/home.html", {"clinics": access.clinics_for_staff(request.user)})


def _page(
    request: AuthenticatedHttpRequest, template: str, clinic: Clinic, form: BaseForm | None, **extra: Any
) -> HttpResponse:
    status = 400 if form is not None and form.is_bound and form.errors else 200
    context = {"clinic": clinic, "form": form, "is_owner": access.is_owner(request.user, clinic), **extra}
    return render(request, f"directory/portal/{template}.html", context, status=status)


@portal_view()
def clinic_profile(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = ClinicProfileForm(request.POST or None, instance=clinic)
    if request.method == "POST" and run_form(
        form, lambda data: services.update_clinic(actor=request.user, clinic=clinic, changes=data)
    ):
        messages.success(request, "The clinic's details are saved.")
        return redirect("directory_portal:clinic", slug=clinic.slug)
    return _page(request, "profile", clinic, form)


@portal_view()
def clinic_hours(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    if (refused := _not_allowed(request)) is not None:
        return refused
    initial = {}
    for row in clinic.hours.all():
        initial[f"opens_{row.weekday}"] = row.opens_at
        initial[f"closes_{row.weekday}"] = row.closes_at
    form = HoursForm(request.POST or None, initial=initial)
    if request.method == "POST" and run_form(
        form, lambda data: services.set_opening_hours(actor=request.user, clinic=clinic, hours=form.hours())
    ):
        messages.success(request, "Opening hours saved.")
        return redirect("directory_portal:hours", slug=clinic.slug)
    return _page(request, "hours", clinic, form)


def _save_practitioner(
    request: AuthenticatedHttpRequest,
    clinic: Clinic,
    form: PractitionerForm,
    practitioner: Practitioner | None,
) -> HttpResponse | None:
    data = {k: v for k, v in form.cleaned_data.items() if k in PRACTITIONER_FIELDS}
    try:
        services.save_practitioner(
            actor=request.user,
            clinic=clinic,
            data=data,
            practitioner=practitioner,
            photo=form.cleaned_data.get("photo_upload"),
        )
    except ValidationError as error:
        add_service_errors(form, error, rename={"photo": "photo_upload"})
        return None
    messages.success(request, "Practitioner saved.")
    return redirect("directory_portal:practitioners", slug=clinic.slug)


@portal_view()
def practitioners(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = PractitionerForm(request.POST or None, request.FILES or None, instance=Practitioner(clinic=clinic))
    if request.method == "POST" and form.is_valid():
        done = _save_practitioner(request, clinic, form, None)
        if done is not None:
            return done
    listed = clinic.practitioners.order_by("sort_order", "name")
    return _page(request, "practitioners", clinic, form, practitioners=listed)


@portal_view()
def practitioner_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    practitioner = access.get_practitioner_for_staff(request.user, slug, pk)
    clinic = practitioner.clinic
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = PractitionerForm(request.POST or None, request.FILES or None, instance=practitioner)
    if request.method == "POST" and form.is_valid():
        fresh = Practitioner.objects.get(pk=practitioner.pk)
        done = _save_practitioner(request, clinic, form, fresh)
        if done is not None:
            return done
    return _page(request, "practitioner_edit", clinic, form, practitioner=practitioner)


@portal_view()
def practitioner_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    practitioner = access.get_practitioner_for_staff(request.user, slug, pk)
    return _remove(
        request,
        lambda: services.remove_practitioner(actor=request.user, practitioner=practitioner),
        "Practitioner removed.",
        "directory_portal:practitioners",
        slug,
    )


def _offer_form_page(
    request: AuthenticatedHttpRequest, clinic: Clinic, form: OfferForm, template: str, **extra: Any
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_offer(
                actor=request.user,
                clinic=clinic,
                treatment=data["treatment"],
                price_from_gbp=data["price_from_gbp"],
                price_to_gbp=data.get("price_to_gbp"),
                price_basis=data["price_basis"],
                practitioners=data.get("practitioners") or [],
                notes=data.get("notes", ""),
                offer=extra.get("offer"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Treatment and price saved.")
            return redirect("directory_portal:offers", slug=clinic.slug)
    return _page(request, template, clinic, form, **extra)


@portal_view()
def offers(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = OfferForm(request.POST or None, clinic=clinic)
    listed = (
        clinic.offers.select_related("treatment")
        .prefetch_related("practitioners")
        .order_by("treatment__name")
    )
    return _offer_form_page(request, clinic, form, "offers", offers=listed)


@portal_view()
def offer_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    offer = access.get_offer_for_staff(request.user, slug, pk)
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = OfferForm(request.POST or None, instance=offer, clinic=offer.clinic)
    return _offer_form_page(request, offer.clinic, form, "offer_edit", offer=offer)


@portal_view()
def offer_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    offer = access.get_offer_for_staff(request.user, slug, pk)
    return _remove(
        request,
        lambda: services.remove_offer(actor=request.user, offer=offer),
        "Treatment removed from the listing.",
        "directory_portal:offers",
        slug,
    )


@portal_view()
def photos(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and run_form(
        form,
        lambda data: services.add_photo(
            actor=request.user,
            clinic=clinic,
            upload=data["image"],
            alt_text=data["alt_text"],
        ),
    ):
        messages.success(request, "Photo added.")
        return redirect("directory_portal:photos", slug=clinic.slug)
    return _page(request, "photos", clinic, form, photos=clinic.photos.order_by("sort_order", "id"))


@portal_view()
def photo_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    photo = get_object_or_404(ClinicPhoto, clinic=clinic, pk=pk)
    return _remove(
        request,
        lambda: services.remove_photo(actor=request.user, photo=photo),
        "Photo removed.",
        "directory_portal:photos",
        slug,
    )


@portal_view()
def team(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    if (refused := _not_allowed(request)) is not None:
        return refused
    form = InviteForm(request.POST or None)
    if request.method == "POST" and run_form(
        form, lambda data: services.invite_staff(actor=request.user, clinic=clinic, email=data["email"])
    ):
        messages.success(request, "Invitation sent. The link works for 7 days.")
        return redirect("directory_portal:team", slug=clinic.slug)
    members = (
        ClinicMembership.objects.filter(clinic=clinic).select_related("user").order_by("role", "created_at")
    )
    return _page(request, "team", clinic, form, members=members)


@portal_view()
def accept_invitation(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    if (refused := _not_allowed(request)) is not None:
        return refused
    try:
        clinic, _email = services.read_invitation(token)
        if request.method == "POST":
            services.accept_invitation(user=request.user, token=token)
            messages.success(request, f"You are now on the team of {clinic.name}.")
            return redirect("directory_portal:clinic", slug=clinic.slug)
    except ValidationError as error:
        return render(request, "directory/portal/invitation.html", {"error": error.messages[0]}, status=400)
    return render(request, "directory/portal/invitation.html", {"clinic": clinic})


def _administrator(request: AuthenticatedHttpRequest) -> None:
    if not getattr(request.user, "is_superuser", False):
        raise Http404


@portal_view()
def verification(request: AuthenticatedHttpRequest) -> HttpResponse:
    _administrator(request)
    if (refused := _not_allowed(request, SAFE)) is not None:
        return refused
    context = {
        "clinics": Clinic.objects.filter(is_verified=False).order_by("name"),
        "practitioners": Practitioner.objects.filter(is_registration_verified=False)
        .select_related("clinic")
        .order_by("clinic__name", "name"),
    }
    return render(request, "directory/portal/verification.html", context)


@portal_view()
def verify_clinic(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _administrator(request)
    clinic = get_object_or_404(Clinic, pk=pk)
    if (refused := _not_allowed(request, ("POST",))) is not None:
        return refused
    services.verify_clinic(actor=request.user, clinic=clinic, verified=request.POST.get("verified") != "0")
    messages.success(request, f"{clinic.name}: verification recorded.")
    return redirect("directory_portal:verification")


@portal_view()
def verify_practitioner(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _administrator(request)
    practitioner = get_object_or_404(Practitioner, pk=pk)
    if (refused := _not_allowed(request, ("POST",))) is not None:
        return refused
    services.verify_practitioner(
        actor=request.user, practitioner=practitioner, verified=request.POST.get("verified") != "0"
    )
    messages.success(request, f"{practitioner.name}: registration check recorded.")
    return redirect("directory_portal:verification")
