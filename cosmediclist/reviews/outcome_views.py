"""Public outcome pages: a check-in answered from its signed link, unsubscribe, the side-effect report."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cosmediclist.accounts.http import private
from cosmediclist.consultations import tokens as consultation_tokens
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.references import normalise
from cosmediclist.core.portal import add_service_errors
from cosmediclist.reviews import services, tokens
from cosmediclist.reviews.forms import SideEffectForm
from cosmediclist.reviews.models import Again, OutcomeCheckIn, Visible, YesNo
from cosmediclist.reviews.views import link_problem

QUESTIONS = [
    ("visible", "Are the results of your treatment still visible?", Visible.choices),
    ("side_effect", "Have you had any side effect since your last session?", YesNo.choices),
    ("again", "Would you have it again?", Again.choices),
]


@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link records nothing (mail scanners open links); each answer is one button."""
    try:
        check_in_id = tokens.check_in_from(token)
    except tokens.ExpiredLink:
        return link_problem(request, expired=True, what="check-in")
    except tokens.InvalidLink:
        return link_problem(request, expired=False, what="check-in")
    found = (
        OutcomeCheckIn.objects.select_related("treatment", "plan__request__clinic")
        .filter(pk=check_in_id)
        .first()
    )
    if found is None:
        return link_problem(request, expired=False, what="check-in")
    error, status = "", 200
    if request.method == "POST":
        question = request.POST.get("question", "")
        try:
            found = services.answer_check_in(
                check_in=found, question=question, answer=request.POST.get("answer", "")
            )
        except ValidationError as problem:
            error, status = " ".join(problem.messages), 400
    questions = [
        (name, text, choices, getattr(found, name), getattr(found, f"get_{name}_display")())
        for name, text, choices in QUESTIONS
    ]
    context = {
        "check_in": found,
        "questions": questions,
        "error": error,
        "suggested": request.GET.get("visible", ""),
        "unsubscribe_path": tokens.unsubscribe_path(found.plan.request_id),
    }
    return private(render(request, "reviews/check_in.html", context, status=status))


@csrf_exempt  # one-click unsubscribe (RFC 8058) is a POST from the mail client; the signed token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        request_id = tokens.unsubscribe_from(token)
    except (tokens.InvalidLink, tokens.ExpiredLink):
        return link_problem(request, expired=False, what="unsubscribe")
    found = ConsultationRequest.objects.select_related("clinic").filter(pk=request_id).first()
    if found is None:
        raise Http404("No such link")
    done = request.method == "POST"
    if done:
        services.unsubscribe_check_ins(request=found)
    return private(render(request, "reviews/unsubscribe.html", {"req": found, "done": done}))


@require_http_methods(["GET", "POST"])
def side_effect(request: HttpRequest, reference: str) -> HttpResponse:
    """The private report to the clinic, from the patient's signed plan page or an aftercare email."""
    reference = normalise(reference)
    token = request.GET.get("t", "")
    if not consultation_tokens.is_valid_status_token(reference, token):
        raise Http404("No such request")
    found = ConsultationRequest.objects.select_related("clinic").filter(reference=reference).first()
    if found is None:
        raise Http404("No such request")
    form = SideEffectForm(request.POST or None)
    context = {"req": found, "form": form, "status_path": consultation_tokens.status_path(reference)}
    if request.method == "POST" and form.is_valid():
        try:
            services.report_side_effect(
                request=found,
                what=form.cleaned_data["what"],
                started_on=form.cleaned_data["started_on"],
                severity=form.cleaned_data["severity"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return private(render(request, "reviews/side_effect_sent.html", context))
    status = 400 if request.method == "POST" else 200
    return private(render(request, "reviews/side_effect.html", context, status=status))
