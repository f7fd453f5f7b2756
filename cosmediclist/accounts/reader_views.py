"""The reader's own pages: my requests and plans, calendar files and feed, email switches, comments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from cosmediclist.accounts import reader
from cosmediclist.accounts.privacy_forms import EmailPreferencesForm
from cosmediclist.consultations.calendar import session_calendar
from cosmediclist.consultations.services.privacy import withdraw_request
from cosmediclist.core import audit
from cosmediclist.discussion.models import Comment


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def my_requests(request: HttpRequest) -> HttpResponse:
    found = list(reader.my_requests(request.user))  # type: ignore[arg-type]
    context = {"requests": found, "now": timezone.now(), "has_feed": hasattr(request.user, "calendar_feed")}
    return _private(render(request, "accounts/my_requests.html", context))


@login_required
@require_POST
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    found = reader.get_my_request(request.user, reference)  # type: ignore[arg-type]
    try:
        withdraw_request(actor=request.user, request=found)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, f"Request {found.reference} is withdrawn; {found.clinic.name} has been told."
        )
    return redirect("myaccount:requests")


@login_required
def answers_summary(request: HttpRequest, reference: str) -> HttpResponse:
    found = reader.get_my_request(request.user, reference)  # type: ignore[arg-type]
    audit.record(
        actor=request.user,
        action="consultation.summary_downloaded",
        obj=found,
        clinic_id=found.clinic_id,
        data={"reference": found.reference},
    )
    return _private(render(request, "accounts/answers.html", {"req": found}))


@login_required
def session_ics(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    found = reader.get_my_request(request.user, reference)  # type: ignore[arg-type]
    for plan in found.plans.all():
        for session in plan.sessions.all():
            if session.number == number:
                clinic = found.clinic
                body = session_calendar(session, clinic=clinic)
                response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
                response["Content-Disposition"] = f'attachment; filename="session-{number}.ics"'
                return _private(response)
    raise Http404("No such session")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """POST action=create makes a new secret address (shown once); action=revoke stops it."""
    feed_url = ""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            reader.revoke_calendar_feed(user=request.user)  # type: ignore[arg-type]
            messages.success(request, "Your calendar address no longer works.")
            return redirect("myaccount:requests")
        token = reader.create_calendar_feed(user=request.user)  # type: ignore[arg-type]
        feed_url = request.build_absolute_uri(reverse("myaccount:calendar-ics", args=[token]))
    context = {"feed_url": feed_url, "has_feed": hasattr(request.user, "calendar_feed")}
    return _private(render(request, "accounts/calendar.html", context))


def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    body = reader.feed_calendar(reader.feed_sessions(token))
    return _private(HttpResponse(body, content_type="text/calendar; charset=utf-8"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def email_preferences(request: HttpRequest) -> HttpResponse:
    prefs = reader.preferences_of(request.user)  # type: ignore[arg-type]
    form = EmailPreferencesForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        switches = {name: bool(form.cleaned_data[name]) for name in form.Meta.fields}
        reader.save_preferences(user=request.user, **switches)  # type: ignore[arg-type]
        messages.success(request, "Your email preferences are saved.")
        return redirect("myaccount:preferences")
    status = 400 if form.is_bound else 200
    return _private(render(request, "accounts/email_preferences.html", {"form": form}, status=status))


@login_required
def my_comments(request: HttpRequest) -> HttpResponse:
    comments = (
        Comment.objects.filter(user_id=int(request.user.pk or 0))
        .select_related("page")
        .order_by("-created_at")
    )
    return _private(render(request, "accounts/my_comments.html", {"comments": comments}))
