"""Sign in (throttled), sign out, sign up and the account page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from cosmediclist.accounts import links, second_factor, services
from cosmediclist.accounts.forms import LoginForm, SignupForm
from cosmediclist.accounts.http import account_of
from cosmediclist.accounts.redirects import safe_next
from cosmediclist.accounts.roles import roles_of
from cosmediclist.accounts.two_factor_views import begin_sign_in
from cosmediclist.core.portal import add_service_errors
from cosmediclist.core.ratelimit import client_ip

BACKEND = "cosmediclist.accounts.backends.EmailBackend"


@require_http_methods(["GET", "HEAD", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    context = {"form": form, "next": safe_next(request, "")}
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/login.html", context, status=400 if form.is_bound else 200)
    email, ip = form.cleaned_data["email"], client_ip(request)
    verdict = services.login_blocked(email=email, ip=ip)
    if not verdict.allowed:
        minutes = max(1, round(verdict.retry_after / 60))
        form.add_error(
            None,
            f"Too many failed attempts. Please wait {minutes} minutes and try again, or reset your password.",
        )
        response = render(request, "accounts/login.html", context, status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    user = authenticate(request, email=email, password=form.cleaned_data["password"])
    if user is None:
        services.record_login_failure(email=email, ip=ip)
        form.add_error(None, "That email address and password do not match an account.")
        return render(request, "accounts/login.html", context, status=400)
    services.clear_login_failures(email=email, ip=ip)
    return begin_sign_in(
        request, user, backend=BACKEND, next_url=safe_next(request, reverse("accounts:profile"))
    )


def sign_in_elsewhere(request: HttpRequest) -> HttpResponse:
    """Wagtail's and Django admin's sign-in pages: send the visitor to the site's one sign-in.

    Whatever was posted here is dropped (a 303 turns it into a GET): only the throttled
    sign-in above checks passwords. A ``next`` that is a local path is kept.
    """
    target = reverse("accounts:login")
    next_path = safe_next(request, "")
    if next_path:
        target = f"{target}?{urlencode({'next': next_path})}"
    return HttpResponseRedirect(target, status=303)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are signed out.")
    return redirect("core:home")


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Sign up: the same answer whether or not the address has an account (the email differs)."""
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verdict = services.signup_allowed(ip=client_ip(request))
        if not verdict.allowed:
            form.add_error(None, "Too many sign-ups from your connection. Please wait an hour and try again.")
            response = render(request, "accounts/signup.html", {"form": form}, status=429)
            response["Retry-After"] = str(verdict.retry_after)
            return response
        try:
            proof = services.sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The welcome link opened in this browser keeps the password chosen here.
            request.session[links.SIGNUP_PROOF_KEY] = proof
            return redirect("accounts:signup-sent")
    return render(request, "accounts/signup.html", {"form": form}, status=400 if form.is_bound else 200)


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_sent.html")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    roles = sorted(role.value.replace("_", " ") for role in roles_of(request.user))
    context = {
        "roles": roles,
        "has_second_factor": second_factor.has_second_factor(account_of(request)),
        "needs_second_factor": second_factor.needs_second_factor(request.user),
    }
    return render(request, "accounts/profile.html", context)
