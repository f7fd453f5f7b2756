"""The clinic portal's reviews page (reply once, publicly) and side-effect reports, under /portal/."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cosmediclist.accounts.http import AuthenticatedHttpRequest
from cosmediclist.core import audit
from cosmediclist.core.portal import portal_view
from cosmediclist.reviews import services
from cosmediclist.reviews.access import (
    get_review_for_staff,
    get_side_effect_report_for_staff,
    reviews_for_staff,
)
from cosmediclist.reviews.forms import ReplyForm

PER_PAGE = 20


@portal_view("GET")
def reviews(request: AuthenticatedHttpRequest) -> HttpResponse:
    listed = (
        reviews_for_staff(request.user)
        .select_related("clinic", "treatment", "reply")
        .order_by("-published_at")
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reviews/portal/reviews.html", {"page": page, "form": ReplyForm()})


@portal_view("POST")
def reply(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    review = get_review_for_staff(request.user, review_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_to_review(review=review, actor=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error.messages)
        else:
            messages.success(request, "Your reply is published under the review.")
            return redirect("reviews:portal-reviews")
    return render(request, "reviews/portal/reply.html", {"review": review, "form": form}, status=400)


@portal_view("GET")
def side_effect_report(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = get_side_effect_report_for_staff(request.user, report_id)
    audit.record(
        actor=request.user, action="side_effect.viewed", obj=report, clinic_id=report.clinic_id, data={}
    )
    response = render(request, "reviews/portal/side_effect.html", {"report": report})
    response["Cache-Control"] = "private, no-store"
    return response


@portal_view("POST")
def acknowledge(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = get_side_effect_report_for_staff(request.user, report_id)
    services.acknowledge_side_effect(report=report, actor=request.user)
    messages.success(request, f"Report on {report.request.reference} marked as handled.")
    return redirect("consultations:portal-inbox")
