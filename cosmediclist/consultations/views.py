"""Public pages: the request form (from a clinic or a treatment), confirmation, status, unsubscribe."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, QuerySet, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cosmediclist.accounts.http import private, signed_in_user
from cosmediclist.catalog.models import Handling, Treatment
from cosmediclist.consultations import access, services, tokens
from cosmediclist.consultations.calendar import session_download
from cosmediclist.consultations.forms import ChangeForm, RequestForm
from cosmediclist.consultations.models import ConsultationRequest, IntakeAnswer
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.consultations.responsiveness import MINIMUM_REQUESTS, describe_hours
from cosmediclist.consultations.services.privacy import withdraw_request
from cosmediclist.core import links
from cosmediclist.core.portal import add_service_errors
from cosmediclist.directory import finder, places
from cosmediclist.directory.models import Clinic

SESSION_KEY = "consultation_references"
NEARBY_CLINICS = 10  # the multi-clinic form offers the nearest ten (best rated when no place is given)
KM_PER_MILE = 1.609344


def _submit(
    request: HttpRequest,
    *,
    clinics: QuerySet[Any],
    treatments: QuerySet[Treatment],
    context: dict[str, Any],
    clinic_facts: dict[int, str] | None = None,
) -> HttpResponse:
    """Render the form; on a valid POST call the service, then redirect to the confirmation."""
    preselected = [t for t in treatments if t.slug in request.GET.getlist("treatment")]
    if len(treatments) == 1:
        preselected = list(treatments)
    # Every question of the offered treatments is on the page; only those of the chosen ones are asked.
    questions = questions_for(list(treatments))
    form_kwargs: dict[str, Any] = {
        "clinics": clinics,
        "treatments": treatments,
        "questions": questions,
        "clinic_facts": clinic_facts,
    }
    if request.method == "POST":
        form = RequestForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                made = services.submit_request(form.consultation_input(), user=signed_in_user(request))
            except ValidationError as error:
                add_service_errors(form, error, rename={"concerns": "concern_2"})
            else:
                request.session[SESSION_KEY] = [r.reference for r in made]
                return redirect("consultations:submitted")
        status = 400
    else:
        # Consent is never assumed: every clinic box starts unticked, even when only one clinic is offered.
        form = RequestForm(
            initial={
                "idempotency_token": secrets.token_urlsafe(24),
                "treatments": preselected,
                "contact_method": "email",
            },
            **form_kwargs,
        )
        status = 200
    context["choosing_url"] = _choosing_url(request)
    return render(request, "consultations/request_form.html", {**context, "form": form}, status=status)


def _choosing_url(request: HttpRequest) -> str:
    """The editorial guide on choosing a practitioner safely; our own short advice until it is live."""
    return links.url_of("editorial:choosing-a-practitioner", request=request) or (
        reverse("consultations:responsiveness") + "#choosing"
    )


@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest, slug: str) -> HttpResponse:

    clinic = get_object_or_404(Clinic, slug=slug)
    if not clinic.is_verified:
        return render(request, "consultations/unavailable.html", {"clinic": clinic}, status=404)
    treatments = Treatment.objects.published().filter(offers__clinic=clinic).distinct().order_by("name")
    return _submit(
        request,
        clinics=Clinic.objects.filter(pk=clinic.pk),
        treatments=treatments,
        context={"clinic": clinic, "back_url": clinic.get_absolute_url()},
    )


@require_http_methods(["GET", "POST"])
def request_for_treatment(request: HttpRequest, slug: str) -> HttpResponse:

    # Read once: the same queryset (its rows cached) is the form's list of treatments.
    treatments = Treatment.objects.published().filter(slug=slug)
    treatment = next(iter(treatments), None)
    if treatment is None:
        raise Http404
    near = request.GET.get("near", "").strip()[: places.MAX_PLACE_LENGTH]
    resolution = places.resolve(near) if near else places.Resolution(None)
    nearby = finder.nearest_offering(treatment, place=resolution.place, limit=NEARBY_CLINICS)
    order = Case(*[When(pk=clinic.pk, then=position) for position, clinic in enumerate(nearby)])
    clinics = (
        Clinic.objects.filter(pk__in=[clinic.pk for clinic in nearby]).order_by(order) if nearby else None
    )
    context = {
        "treatment": treatment,
        "back_url": treatment.get_absolute_url(),
        "near": near,
        "place": resolution.place,
        "unknown_place": bool(near) and resolution.place is None,
        "suggestions": resolution.suggestions,
    }
    return _submit(
        request,
        clinics=clinics if clinics is not None else Clinic.objects.none(),
        treatments=treatments,
        context=context,
        clinic_facts={clinic.pk: clinic_facts(clinic) for clinic in nearby},
    )


def clinic_facts(clinic: Clinic) -> str:
    """What a reader weighs when choosing clinics to ask: how far, how much, how quickly they reply."""
    parts = []
    distance_km = getattr(clinic, "distance_km", None)
    if distance_km is not None:
        parts.append(f"{distance_km / KM_PER_MILE:.1f} miles away")
    offers = getattr(clinic, "matching_offers", [])
    if offers:
        parts.append(offers[0].price_label)
    if clinic.median_response_hours is not None:
        parts.append(f"replies: {describe_hours(clinic.median_response_hours).lower()}")
    return "; ".join(parts)


def submitted(request: HttpRequest) -> HttpResponse:
    references = request.session.get(SESSION_KEY) or []
    made = list(ConsultationRequest.objects.filter(reference__in=references).select_related("clinic"))
    if not made:
        return redirect("core:home")
    links = [(r, tokens.status_path(r.reference)) for r in made]
    return render(
        request,
        "consultations/submitted.html",
        {"made": links, "usually_ruled_out": usually_ruled_out(made[0])},
    )


def usually_ruled_out(found: ConsultationRequest) -> list[tuple[str, str, str]]:
    """(question, treatments, explanation) for each "yes" that the catalogue says usually rules out
    a chosen treatment. Information for the patient, who just gave these answers; never a decision."""
    chosen = {t.pk: t.name for t in found.treatments.all()}
    answers = (
        IntakeAnswer.objects.filter(request=found, handling=Handling.DO_NOT_TREAT)
        .select_related("contraindication")
        .prefetch_related("contraindication__treatments")
    )
    ruled_out = []
    for answer in answers:
        if not answer.is_yes or answer.contraindication is None:
            continue
        names = [chosen[t.pk] for t in answer.contraindication.treatments.all() if t.pk in chosen]
        if names:
            ruled_out.append((answer.question, " or ".join(names), answer.contraindication.explanation))
    return ruled_out


def _patient_request(request: HttpRequest, reference: str) -> ConsultationRequest:
    """The patient's own request: a valid signed link is the only key (no account needed)."""
    return access.get_request_for_patient(reference, request.GET.get("t", ""))


def status(request: HttpRequest, reference: str) -> HttpResponse:
    found = _patient_request(request, reference)
    access.record_patient_read(request.user, found)
    return _status_page(request, found, ChangeForm())


def _status_page(
    request: HttpRequest, found: ConsultationRequest, form: ChangeForm, status: int = 200
) -> HttpResponse:
    return private(
        render(
            request,
            "consultations/status.html",
            {
                "req": found,
                "token": request.GET["t"],
                "now": timezone.now(),
                "appointment": services.appointment_label(found),
                "change_form": form,
            },
            status=status,
        )
    )


@require_POST
def ask_to_change(request: HttpRequest, reference: str) -> HttpResponse:
    """The patient asks to cancel or rearrange their booked consultation (the signed link is the key)."""
    found = _patient_request(request, reference)
    form = ChangeForm(request.POST)
    if form.is_valid():
        try:
            services.ask_to_change(
                request=found,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(tokens.status_path(found.reference) + "#change")
    return _status_page(request, found, form, status=400)


@require_POST
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    """The patient withdraws the request from the signed status page (the signed link is the key)."""
    found = _patient_request(request, reference)
    actor = request.user if request.user.is_authenticated else None
    try:
        withdraw_request(actor=actor, request=found)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, f"Request {found.reference} is withdrawn; {found.clinic.name} has been told."
        )
    return redirect(tokens.status_path(found.reference))


def session_ics(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    """One session's calendar file again, from the signed status page."""
    return session_download(_patient_request(request, reference), number)


def summary(request: HttpRequest, reference: str) -> HttpResponse:
    found = _patient_request(request, reference)
    access.record_patient_read(request.user, found, summary=True)
    response = render(
        request, "consultations/summary.txt", {"req": found}, content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{found.reference}.txt"'
    response["Cache-Control"] = "private, no-store"
    return response


@csrf_exempt  # one-click unsubscribe (RFC 8058) is a POST from the mail client; the signed token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    reference = tokens.reference_from_unsubscribe(token)
    found = ConsultationRequest.objects.filter(reference=reference).select_related("clinic").first()
    if reference is None or found is None:
        raise Http404("No such link")
    if request.method == "POST":
        services.unsubscribe_reminders(request=found)
        return render(request, "consultations/unsubscribed.html", {"req": found})
    return render(request, "consultations/unsubscribe.html", {"req": found})


def responsiveness(request: HttpRequest) -> HttpResponse:

    return render(request, "consultations/responsiveness.html", {"minimum": MINIMUM_REQUESTS})
