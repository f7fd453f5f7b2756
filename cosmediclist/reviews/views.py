"""Public review pages: the review form from an invitation, reader reports and votes, the policy."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cosmediclist.core.portal import add_service_errors
from cosmediclist.directory.rating import PRIOR_RATING, PRIOR_REVIEWS
from cosmediclist.reviews import services, tokens
from cosmediclist.reviews.forms import ReportForm, ReviewForm
from cosmediclist.reviews.models import Review, ReviewInvitation, ReviewStatus
from cosmediclist.reviews.selectors import MINIMUM_PATIENTS

THANKS_KEY = "review_submitted_for"


def link_problem(request: HttpRequest, *, expired: bool, what: str) -> HttpResponse:
    return render(request, "reviews/link_invalid.html", {"expired": expired, "what": what}, status=400)


def _add_errors(form: ReviewForm, error: ValidationError) -> None:
    add_service_errors(form, error)


@require_http_methods(["GET", "POST"])
def write_review(request: HttpRequest, token: str) -> HttpResponse:
    """The review form, reached only through the signed link of the request's invitation."""
    try:
        invitation_id = tokens.invitation_from(token)
    except tokens.ExpiredLink:
        return link_problem(request, expired=True, what="review")
    except tokens.InvalidLink:
        return link_problem(request, expired=False, what="review")
    invitation = get_object_or_404(
        ReviewInvitation.objects.select_related("request", "clinic", "treatment"), pk=invitation_id
    )
    context = {"invitation": invitation, "clinic": invitation.clinic}
    try:
        services.check_invitation(invitation, user=request.user)
    except ValidationError as error:
        return render(request, "reviews/closed.html", {**context, "messages_": error.messages}, status=400)
    treatments = invitation.request.treatments.all()
    if request.method == "POST":
        form = ReviewForm(request.POST, treatments=treatments)
        if form.is_valid():
            try:
                services.submit_review(invitation=invitation, data=form.review_input(), user=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session[THANKS_KEY] = invitation.clinic.name
                return redirect("reviews:thanks")
        return render(request, "reviews/write.html", {**context, "form": form}, status=400)
    initial = {"treatment": invitation.treatment, "treated_on": invitation.treated_at.date()}
    form = ReviewForm(initial=initial, treatments=treatments)
    return render(request, "reviews/write.html", {**context, "form": form})


@require_safe
def thanks(request: HttpRequest) -> HttpResponse:
    clinic_name = request.session.get(THANKS_KEY)
    if not clinic_name:
        return redirect("reviews:policy")
    return render(request, "reviews/thanks.html", {"clinic_name": clinic_name})


@require_safe
def policy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reviews/policy.html",
        {"prior_reviews": PRIOR_REVIEWS, "prior_rating": PRIOR_RATING, "minimum": MINIMUM_PATIENTS},
    )


@require_safe
def method(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/method.html", {"minimum": MINIMUM_PATIENTS})


def _client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


@require_http_methods(["GET", "POST"])
def report_review(request: HttpRequest, review_id: int) -> HttpResponse:
    review = get_object_or_404(
        Review.objects.select_related("clinic"), pk=review_id, status=ReviewStatus.APPROVED
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            recorded = services.report_review(
                review=review, ip=_client_ip(request), reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error.messages)
        else:
            messages.success(
                request,
                "Thank you: an editor will check the review against our policy."
                if recorded
                else "You have already reported this review; an editor will check it.",
            )
            return redirect(review.clinic.get_absolute_url() + "#reviews")
    status = 400 if request.method == "POST" else 200
    return render(request, "reviews/report.html", {"review": review, "form": form}, status=status)


@require_POST
def helpful(request: HttpRequest, review_id: int) -> HttpResponse:
    review = get_object_or_404(
        Review.objects.select_related("clinic"), pk=review_id, status=ReviewStatus.APPROVED
    )
    if services.mark_helpful(review=review, ip=_client_ip(request)):
        messages.success(request, "Thank you: your vote is counted.")
    else:
        messages.info(request, "You have already marked this review as helpful.")
    return redirect(f"{review.clinic.get_absolute_url()}#review-{review.pk}")
