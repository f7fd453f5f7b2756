"""Talk to us: the contact page, "Report an error in this guide", "Report this clinic"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from cosmediclist.core import ratelimit
from cosmediclist.directory.models import Clinic
from cosmediclist.discussion.models import ModerationSettings
from cosmediclist.feedback import services
from cosmediclist.feedback.forms import ContactForm, ReportForm
from cosmediclist.feedback.models import Kind

MESSAGES_PER_HOUR = 5


def _limited(request: HttpRequest, form: ContactForm | ReportForm) -> bool:
    """True (with the form told why) when this address sent too many messages in the hour."""
    if ratelimit.hit("feedback", ratelimit.client_ip(request), limit=MESSAGES_PER_HOUR, window=3600).allowed:
        return False
    form.add_error(None, "You have sent several messages in the last hour. Please try again later.")
    return True


def _submit(
    request: HttpRequest, form: ContactForm | ReportForm, template: str, context: dict[str, Any], **about: Any
) -> HttpResponse | None:
    """Validate, rate-limit and store; None when stored (the caller redirects), else the page again."""
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    if _limited(request, form):
        return render(request, template, {**context, "form": form}, status=429)
    data = form.cleaned_data
    services.receive_message(
        actor=request.user,
        rules=ModerationSettings.load(request),
        body=data["body"],
        name=data.get("name", ""),
        email=data.get("email") or "",
        **about,
    )
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        failed = _submit(request, form, "core/contact.html", {}, kind=Kind.CONTACT)
        if failed is not None:
            return failed
        messages.success(request, "Thank you: your message reached our team.")
        return HttpResponseRedirect(reverse("core:contact"))
    return render(request, "core/contact.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def report_guide(request: HttpRequest, page_id: int) -> HttpResponse:
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    page = page.specific
    form = ReportForm(request.POST if request.method == "POST" else None)
    context = {"page_reported": page, "kind": "guide"}
    if request.method == "POST":
        failed = _submit(request, form, "feedback/report.html", context, kind=Kind.GUIDE_ERROR, page=page)
        if failed is not None:
            return failed
        messages.success(request, "Thank you: your report is with our editors, who check every one.")
        return HttpResponseRedirect(page.url or "/")
    return render(request, "feedback/report.html", {**context, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def report_clinic(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = Clinic.objects.verified().filter(slug=slug).first()
    if clinic is None:
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    context = {"clinic": clinic, "kind": "clinic"}
    if request.method == "POST":
        failed = _submit(
            request, form, "feedback/report.html", context, kind=Kind.CLINIC_REPORT, clinic=clinic
        )
        if failed is not None:
            return failed
        messages.success(request, "Thank you: your report is with our administrators, who check every one.")
        return HttpResponseRedirect(clinic.get_absolute_url())
    return render(request, "feedback/report.html", {**context, "form": form})
