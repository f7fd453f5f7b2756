"""The patient's requests in "My account" (/account/requests/…): plans, answers, calendar files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cosmediclist.accounts import reader
from cosmediclist.accounts.http import AuthenticatedHttpRequest, private
from cosmediclist.consultations import access, account
from cosmediclist.consultations.calendar import session_download
from cosmediclist.consultations.services.privacy import withdraw_request


@login_required
def my_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    found = list(account.my_requests(request.user))
    context = {"requests": found, "now": timezone.now(), "has_feed": hasattr(request.user, "calendar_feed")}
    return private(render(request, "accounts/my_requests.html", context))


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    found = account.get_my_request(request.user, reference)
    try:
        withdraw_request(actor=request.user, request=found)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, f"Request {found.reference} is withdrawn; {found.clinic.name} has been told."
        )
    return redirect("myaccount:requests")


@login_required
def answers_summary(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    found = account.get_my_request(request.user, reference)
    access.record_patient_read(request.user, found, summary=True)
    return private(render(request, "accounts/answers.html", {"req": found}))


@login_required
def session_ics(request: AuthenticatedHttpRequest, reference: str, number: int) -> HttpResponse:
    return session_download(account.get_my_request(request.user, reference), number)


def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The secret feed address: every scheduled session of the account that made it."""
    sessions = account.feed_sessions(reader.feed_owner_id(token))
    return private(HttpResponse(account.feed_calendar(sessions), content_type="text/calendar; charset=utf-8"))
