"""Sign-in links, export (JSON and a readable page) and erasure: thin views over links and privacy."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cosmediclist.accounts import links, privacy
from cosmediclist.accounts.http import AuthenticatedHttpRequest, private
from cosmediclist.accounts.privacy_forms import EmailLinkForm, EraseForm
from cosmediclist.accounts.two_factor_views import begin_sign_in
from cosmediclist.core.personal_data import Person

BACKEND = "cosmediclist.accounts.backends.EmailBackend"


def _ask_link(request: HttpRequest, send: Callable[..., None], what: str, template: str) -> HttpResponse:
    """The form asking for an emailed link: ``send(email=...)`` (it says nothing of whether the
    address is known), then the same "link sent" page for everyone."""
    form = EmailLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send(email=form.cleaned_data["email"])
        return render(request, "accounts/link_sent.html", {"what": what})
    status = 400 if form.is_bound else 200
    return render(request, template, {"form": form}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def ask_sign_in_link(request: HttpRequest) -> HttpResponse:
    return _ask_link(request, links.send_sign_in_link, "a sign-in link", "accounts/ask_link.html")


@require_http_methods(["GET", "HEAD", "POST"])
def link_sign_in(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners that open links must not spend them); POST signs in."""
    try:
        if request.method != "POST":
            links.valid_link(token)
            return private(render(request, "accounts/link_sign_in.html", {}))
        user = links.use_sign_in_link(
            token=token,
            signup_proof_here=str(request.session.get(links.SIGNUP_PROOF_KEY, "")),
            signed_in_here=request.user.pk if request.user.is_authenticated else None,
        )
    except ValidationError as error:
        form = EmailLinkForm()
        context = {"form": form, "link_error": error.messages[0]}
        return private(render(request, "accounts/ask_link.html", context, status=400))
    return begin_sign_in(
        request,
        user,
        backend=BACKEND,
        next_url=reverse("myaccount:requests"),
        signed_in_message="You are signed in.",
    )


def _export_response(person: Person, request: HttpRequest, *, via: str) -> HttpResponse:
    data = privacy.export_person(person)
    privacy.record_export(actor=request.user, person=person, via=via)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="cosmediclist-my-data.json"'
    return private(response)


def _summary(request: HttpRequest, person: Person, *, json_url: str) -> HttpResponse:
    data = privacy.export_person(person)
    sections: list[dict[str, Any]] = [
        {"title": title, **section} for title, section in data["sections"].items()
    ]
    context = {
        "sections": sections,
        "exported_at": data["exported_at"],
        "json_url": json_url,
        "address_unproven": not person.emails,
    }
    return private(render(request, "accounts/export.html", context))


@login_required
def export_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _summary(request, privacy.person_for(request.user), json_url=reverse("myaccount:export-json"))


@login_required
def export_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export_response(privacy.person_for(request.user), request, via="account")


@require_http_methods(["GET", "HEAD", "POST"])
def ask_export_link(request: HttpRequest) -> HttpResponse:
    return _ask_link(request, links.send_export_link, "a link to your data", "accounts/ask_export_link.html")


def _person_or_error(request: HttpRequest, token: str) -> Person | HttpResponse:
    try:
        return links.person_from_export_token(token)
    except ValidationError as error:
        context = {"form": EmailLinkForm(), "link_error": error.messages[0]}
        return private(render(request, "accounts/ask_export_link.html", context, status=400))


def export_by_email(request: HttpRequest, token: str) -> HttpResponse:
    person = _person_or_error(request, token)
    if isinstance(person, HttpResponse):
        return person
    return _summary(request, person, json_url=reverse("myaccount:export-by-email-json", args=[token]))


def export_by_email_json(request: HttpRequest, token: str) -> HttpResponse:
    person = _person_or_error(request, token)
    if isinstance(person, HttpResponse):
        return person
    return _export_response(person, request, via="email-link")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = privacy.person_for(request.user)
        logout(request)
        privacy.erase_person(person=person)
        return redirect("myaccount:erased")
    status = 400 if form.is_bound else 200
    context = {"form": form, "address_unproven": request.user.email_confirmed_at is None}
    return private(render(request, "accounts/erase.html", context, status=status))


def erased(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/erased.html")
