"""The editors' review queue under /moderation/reviews/: approve, reject with a reason, reported reviews."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from cosmediclist.core.portal import add_service_errors
from cosmediclist.discussion.moderation_views import editors_only
from cosmediclist.reviews import services
from cosmediclist.reviews.forms import RejectForm
from cosmediclist.reviews.models import Review, ReviewStatus

PER_PAGE = 25
TABS = [
    ("pending", "Awaiting moderation", Q(status=ReviewStatus.PENDING)),
    ("reported", "Reported", Q(status=ReviewStatus.APPROVED, report_count__gt=0)),
    ("approved", "Published", Q(status=ReviewStatus.APPROVED)),
    ("rejected", "Rejected", Q(status=ReviewStatus.REJECTED)),
]


@require_safe
@editors_only
def queue(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("status", "pending")
    filters = {name: condition for name, _, condition in TABS}
    tab = tab if tab in filters else "pending"
    counts = Review.objects.aggregate(**{name: Count("pk", filter=condition) for name, _, condition in TABS})
    listed = Review.objects.for_queue().filter(filters[tab]).prefetch_related("reports")
    listed = (
        listed.order_by("-report_count", "-created_at")
        if tab == "reported"
        else listed.order_by("-created_at")
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/moderation/queue.html",
        {
            "page": page,
            "tab": tab,
            "tabs": [(n, label, counts[n]) for n, label, _ in TABS],
            "reject_form": RejectForm(),
        },
    )


@require_POST
@editors_only
def approve(request: HttpRequest, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review.objects.select_related("clinic", "request"), pk=review_id)
    try:
        services.approve_review(review=review, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Review of {review.clinic.name} published; its rating is updated.")
    return redirect("reviews:queue")


@require_POST
@editors_only
def reject(request: HttpRequest, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review.objects.select_related("clinic", "request", "treatment"), pk=review_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.reject_review(review=review, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Review of {review.clinic.name} rejected; the author is told why.")
            return redirect("reviews:queue")
    return render(request, "reviews/moderation/reject.html", {"review": review, "form": form}, status=400)
