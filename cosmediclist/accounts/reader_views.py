"""The reader's own settings pages: the secret calendar feed address and the email switches."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cosmediclist.accounts import reader
from cosmediclist.accounts.http import AuthenticatedHttpRequest, private
from cosmediclist.accounts.privacy_forms import EmailPreferencesForm


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_feed(request: AuthenticatedHttpRequest) -> HttpResponse:
    """POST action=create makes a new secret address (shown once); action=revoke stops it."""
    feed_url = ""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            reader.revoke_calendar_feed(user=request.user)
            messages.success(request, "Your calendar address no longer works.")
            return redirect("myaccount:requests")
        token = reader.create_calendar_feed(user=request.user)
        feed_url = request.build_absolute_uri(reverse("myaccount:calendar-ics", args=[token]))
    context = {"feed_url": feed_url, "has_feed": hasattr(request.user, "calendar_feed")}
    return private(render(request, "accounts/calendar.html", context))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def email_preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    prefs = reader.preferences_of(request.user)
    form = EmailPreferencesForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        switches = {name: bool(form.cleaned_data[name]) for name in form.Meta.fields}
        reader.save_preferences(user=request.user, **switches)
        messages.success(request, "Your email preferences are saved.")
        return redirect("myaccount:preferences")
    status = 400 if form.is_bound else 200
    return private(render(request, "accounts/email_preferences.html", {"form": form}, status=status))
