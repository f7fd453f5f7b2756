"""The second factor at sign-in and under /account/two-factor/, and "sign out everywhere".

Signing in is two steps for an account with an authenticator app: the password (or an email
link) makes the sign-in *pending* in the session (nobody is signed in yet), then the code page
signs the account in. Staff without an app are signed in and sent to set one up; the session
guard keeps them out of the portal, the CMS and the admin until they have.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_static.models import StaticDevice

from cosmediclist.accounts import second_factor
from cosmediclist.accounts.forms import CodeForm, EnrolForm
from cosmediclist.accounts.http import account_of
from cosmediclist.accounts.middleware import stamp_session
from cosmediclist.accounts.models import User
from cosmediclist.accounts.redirects import safe_next
from cosmediclist.core.portal import add_service_errors

PENDING_KEY = "pending_sign_in"


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}" if next_url else reverse(name)


def begin_sign_in(
    request: HttpRequest, user: User, *, backend: str, next_url: str, signed_in_message: str = ""
) -> HttpResponse:
    """After the password or an email link: the code page, the enrolment page, or ``next_url``."""
    if second_factor.has_second_factor(user):
        request.session[PENDING_KEY] = {
            "user": user.pk,
            "backend": backend,
            "at": int(time.time()),
            "next": next_url,
        }
        return redirect("accounts:sign-in-code")
    login(request, user, backend=backend)
    if second_factor.needs_second_factor(user):
        messages.info(
            request,
            "Staff accounts sign in with a second step. Set up an authenticator app to reach the "
            "clinic portal, the CMS or the admin.",
        )
        return HttpResponseRedirect(_with_next("accounts:two-factor", next_url))
    if signed_in_message:
        messages.success(request, signed_in_message)
    return HttpResponseRedirect(next_url)


def _pending(request: HttpRequest) -> dict[str, Any] | None:
    pending: dict[str, Any] | None = request.session.get(PENDING_KEY)
    if pending is None:
        return None
    if int(time.time()) - int(pending.get("at", 0)) > settings.SIGN_IN_CODE_MINUTES * 60:
        del request.session[PENDING_KEY]
        return None
    return pending


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step: after the password (pending), or for a signed-in session the gate sent here."""
    pending = _pending(request)
    if pending is not None:
        user = User.objects.filter(pk=pending["user"], is_active=True).first()
        next_url = pending["next"]
    elif request.user.is_authenticated:
        user = request.user
        next_url = safe_next(request, reverse("accounts:profile"))
    else:
        user = None
        next_url = ""
    if user is None:
        messages.info(request, "Your sign-in took too long. Please enter your password again.")
        return redirect("accounts:login")
    if not second_factor.has_second_factor(user):
        return HttpResponseRedirect(_with_next("accounts:two-factor", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = second_factor.check_code(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if pending is not None:
                del request.session[PENDING_KEY]
                login(request, user, backend=pending["backend"])
            second_factor.mark_verified(request.session, device)
            stamp_session(request, user)
            if isinstance(device, StaticDevice):
                left = second_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    f"You signed in with a recovery code; it will not work again. {left} left. "
                    "You can make a new set under Two-step sign-in on your account page.",
                )
            return HttpResponseRedirect(next_url)
    context = {"form": form, "next": next_url if pending is None else ""}
    return _private(
        render(request, "accounts/sign_in_code.html", context, status=400 if form.is_bound else 200)
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (QR code or typed secret, confirmed with a code), or see its state."""
    user: User = request.user  # type: ignore[assignment]
    next_url = safe_next(request, "")
    app = second_factor.app_device(user)
    if app is not None:
        context = {
            "app": app,
            "codes_left": second_factor.recovery_codes_left(user),
            "verified": second_factor.is_verified(request.session),
            "required": second_factor.needs_second_factor(user),
        }
        return _private(render(request, "accounts/two_factor.html", context))
    device = second_factor.pending_app(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = second_factor.confirm_app(user=user, device=device, code=form.cleaned_data["code"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            second_factor.mark_verified(request.session, device)
            stamp_session(request, user)
            context = {"codes": codes, "next": next_url, "first_time": True}
            return _private(render(request, "accounts/recovery_codes.html", context))
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": second_factor.qr_svg(device),
        "secret": second_factor.secret_text(device),
        "required": second_factor.needs_second_factor(user),
    }
    status = 400 if form.is_bound else 200
    return _private(render(request, "accounts/two_factor_setup.html", context, status=status))


@login_required
@require_POST
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    """A fresh set of recovery codes, shown once; only from a session that passed the second factor."""
    user: User = request.user  # type: ignore[assignment]
    if not second_factor.is_verified(request.session) or not second_factor.has_second_factor(user):
        return HttpResponseRedirect(_with_next("accounts:sign-in-code", reverse("accounts:two-factor")))
    codes = second_factor.renew_recovery_codes(user=user)
    return _private(render(request, "accounts/recovery_codes.html", {"codes": codes, "first_time": False}))


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    second_factor.sign_out_everywhere(user=account_of(request))
    logout(request)
    messages.info(request, "You are signed out on every device and browser, this one included.")
    return redirect("accounts:login")
