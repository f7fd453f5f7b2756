"""Public pages: the request form (from a clinic or a treatment), confirmation, status, unsubscribe."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cosmediclist.catalog.models import Handling, Treatment
from cosmediclist.consultations import services, tokens
from cosmediclist.consultations.calendar import session_calendar
from cosmediclist.consultations.forms import ChangeForm, RequestForm
from cosmediclist.consultations.models import ConsultationRequest, IntakeAnswer, SessionStatus
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.consultations.references import normalise
from cosmediclist.consultations.responsiveness import MINIMUM_REQUESTS
from cosmediclist.consultations.services.privacy import withdraw_request
from cosmediclist.core import audit
from cosmediclist.core.portal import add_service_errors
from cosmediclist.directory.models import Clinic
from cosmediclist.editorial.selectors import CHOOSING_A_PRACTITIONER, live_article_url

SESSION_KEY = "consultation_references"


def _url_of(obj: Any, fallback: str) -> str:
    """The object's page, or its documented path while the app that serves it is not installed."""
    try:
        return str(obj.get_absolute_url())
    except NoReverseMatch:
        return fallback


def _submit(
    request: HttpRequest, *, clinics: QuerySet[Any], treatments: QuerySet[Treatment], context: dict[str, Any]
) -> HttpResponse:
    """Render the form; on a valid POST call the service, then redirect to the confirmation."""
    preselected = [t for t in treatments if t.slug in request.GET.getlist("treatment")]
    if len(treatments) == 1:
        preselected = list(treatments)
    # Every question of the offered treatments is on the page; only those of the chosen ones are asked.
    questions = questions_for(list(treatments))
    form_kwargs: dict[str, Any] = {"clinics": clinics, "treatments": treatments, "questions": questions}
    if request.method == "POST":
        form = RequestForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                made = services.submit_request(
                    clinics=form.cleaned_data["clinics"],
                    treatments=list(form.cleaned_data["treatments"]),
                    concerns=form.concerns(),
                    areas=list(form.cleaned_data["areas"]),
                    hopes=form.cleaned_data["hopes"],
                    contact_method=form.cleaned_data["contact_method"],
                    contact_times=form.cleaned_data["contact_times"],
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    phone=form.cleaned_data["phone"],
                    is_adult_confirmed=form.cleaned_data["is_adult_confirmed"],
                    answers=form.answers(),
                    idempotency_token=form.cleaned_data["idempotency_token"],
                    user=request.user,  # type: ignore[arg-type]
                )
            except ValidationError as error:
                add_service_errors(form, error)
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
    return live_article_url(CHOOSING_A_PRACTITIONER, request=request) or (
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
        context={"clinic": clinic, "back_url": _url_of(clinic, f"/clinics/{clinic.slug}/")},
    )


@require_http_methods(["GET", "POST"])
def request_for_treatment(request: HttpRequest, slug: str) -> HttpResponse:

    treatment = get_object_or_404(Treatment.objects.published(), slug=slug)
    clinics = Clinic.objects.verified().offering(treatment).order_by("name")
    return _submit(
        request,
        clinics=clinics,
        treatments=Treatment.objects.filter(pk=treatment.pk),
        context={"treatment": treatment, "back_url": _url_of(treatment, f"/treatments/{treatment.slug}/")},
    )


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
    reference = normalise(reference)
    if not tokens.is_valid_status_token(reference, request.GET.get("t", "")):
        raise Http404("No such request")
    found = (
        ConsultationRequest.objects.for_detail()
        .prefetch_related("plans__reminders")
        .filter(reference=reference, erased_at__isnull=True)
        .first()
    )
    if found is None:
        raise Http404("No such request")
    return found


def status(request: HttpRequest, reference: str) -> HttpResponse:
    found = _patient_request(request, reference)
    audit.record(
        actor=request.user,
        action="consultation.viewed_by_patient",
        obj=found,
        clinic_id=found.clinic_id,
        data={"reference": found.reference},
    )
    return _status_page(request, found, ChangeForm())


def _status_page(
    request: HttpRequest, found: ConsultationRequest, form: ChangeForm, status: int = 200
) -> HttpResponse:
    response = render(
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
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


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
    found = _patient_request(request, reference)
    for plan in found.plans.all():
        for session in plan.sessions.all():
            if session.number == number and session.status != SessionStatus.CANCELLED:
                response = HttpResponse(
                    session_calendar(session, clinic=found.clinic),
                    content_type="text/calendar; charset=utf-8",
                )
                response["Content-Disposition"] = f'attachment; filename="session-{number}.ics"'
                response["Cache-Control"] = "private, no-store"
                return response
    raise Http404("No such session")


def summary(request: HttpRequest, reference: str) -> HttpResponse:
    found = _patient_request(request, reference)
    audit.record(
        actor=request.user,
        action="consultation.summary_downloaded",
        obj=found,
        clinic_id=found.clinic_id,
        data={"reference": found.reference},
    )
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
