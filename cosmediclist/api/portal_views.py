"""The portal's API pages, mounted under /portal/: a clinic's API keys, webhook endpoints and delivery log.

Staff of the clinic see the lists and the delivery log; only its owners create or revoke keys and
endpoints (403 for other staff). Staff of any other clinic get 404 for every URL and method. A new
key's or endpoint's secret is shown once, in the answer to the form, and never again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render

from cosmediclist.accounts.http import AuthenticatedHttpRequest
from cosmediclist.api import keys, webhooks
from cosmediclist.api.forms import ApiKeyForm, WebhookForm
from cosmediclist.api.models import ApiKey, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from cosmediclist.core.portal import add_service_errors, portal_view
from cosmediclist.core.retention import retention_days
from cosmediclist.directory import access
from cosmediclist.directory.models import Clinic

ALLOWED = ("GET", "HEAD", "POST")
LOG_PAGE_SIZE = 50


def _owner_only(request: AuthenticatedHttpRequest, clinic: Clinic) -> None:
    if not access.is_owner(request.user, clinic):
        raise PermissionDenied("Only the clinic's owner can do this.")


def _page(
    request: AuthenticatedHttpRequest, template: str, clinic: Clinic, form: BaseForm | None, **extra: Any
) -> HttpResponse:
    status = 400 if form is not None and form.is_bound and form.errors else 200
    context = {"clinic": clinic, "form": form, "is_owner": access.is_owner(request.user, clinic), **extra}
    return render(request, f"api/portal/{template}.html", context, status=status)


def _list_or_create(
    request: AuthenticatedHttpRequest,
    slug: str,
    kind: str,
    form_class: type[BaseForm],
    create: Callable[[Clinic, dict[str, Any]], tuple[str, str]],
    listing: Callable[[Clinic, BaseForm], HttpResponse],
) -> HttpResponse:
    """The list of a clinic's keys or endpoints with the form that adds one (owners only).

    ``create`` makes one from the form's data and returns its name and secret: the secret is shown
    once, on the answer to the form, never stored in a page a cache or the history could keep.
    """
    clinic = access.get_clinic_for_staff(request.user, slug)
    if request.method not in ALLOWED:
        return HttpResponseNotAllowed(ALLOWED)
    form = form_class(request.POST or None)
    if request.method == "POST":
        _owner_only(request, clinic)
        if form.is_valid():
            try:
                name, secret = create(clinic, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                context = {"clinic": clinic, "kind": kind, "secret": secret, "name": name}
                response = render(request, "api/portal/secret.html", context, status=201)
                response["Cache-Control"] = "no-store"
                return response
    return listing(clinic, form)


def _switch_off(
    request: AuthenticatedHttpRequest,
    clinic: Clinic,
    switch: Callable[[], None],
    message: str,
    back_to: str,
) -> HttpResponse:
    """Revoke a key or disable an endpoint (owners only, POST only), then back to the list."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _owner_only(request, clinic)
    switch()
    messages.success(request, message)
    return redirect(back_to, slug=clinic.slug)


@portal_view()
def api_keys(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    def create(clinic: Clinic, data: dict[str, Any]) -> tuple[str, str]:
        made = keys.create_key(
            actor=request.user,
            clinic=clinic,
            name=data["name"],
            scopes=data["scopes"],
            rate_limit_per_minute=data["rate_limit_per_minute"],
        )
        return made.key.name, made.secret

    def listing(clinic: Clinic, form: BaseForm) -> HttpResponse:
        listed = ApiKey.objects.filter(clinic=clinic).order_by("revoked_at", "-created_at")
        return _page(request, "keys", clinic, form, keys=listed)

    return _list_or_create(request, slug, "key", ApiKeyForm, create, listing)


@portal_view()
def revoke_api_key(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    key = get_object_or_404(ApiKey, clinic=clinic, pk=pk)
    return _switch_off(
        request,
        clinic,
        lambda: keys.revoke_key(actor=request.user, key=key),
        f"The key “{key.name}” is revoked: calls with it are now refused.",
        "api:portal-keys",
    )


@portal_view()
def webhook_endpoints(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    def create(clinic: Clinic, data: dict[str, Any]) -> tuple[str, str]:
        endpoint, secret = webhooks.create_endpoint(
            actor=request.user, clinic=clinic, url=data["url"], events=data["events"]
        )
        return endpoint.url, secret

    def listing(clinic: Clinic, form: BaseForm) -> HttpResponse:
        listed = WebhookEndpoint.objects.filter(clinic=clinic).order_by("disabled_at", "-created_at")
        return _page(
            request, "webhooks", clinic, form, endpoints=listed, max_attempts=settings.WEBHOOK_MAX_ATTEMPTS
        )

    return _list_or_create(request, slug, "webhook", WebhookForm, create, listing)


@portal_view()
def disable_webhook(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    clinic = access.get_clinic_for_staff(request.user, slug)
    endpoint = get_object_or_404(WebhookEndpoint, clinic=clinic, pk=pk)
    return _switch_off(
        request,
        clinic,
        lambda: webhooks.disable_endpoint(actor=request.user, endpoint=endpoint),
        "The endpoint is disabled: no more events are sent to it.",
        "api:portal-webhooks",
    )


@portal_view()
def webhook_log(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The clinic's deliveries, newest first, each with its attempts: a fixed number of queries."""
    clinic = access.get_clinic_for_staff(request.user, slug)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    deliveries = (
        WebhookDelivery.objects.filter(endpoint__clinic=clinic)
        .select_related("endpoint")
        .prefetch_related(Prefetch("attempt_log", queryset=WebhookAttempt.objects.order_by("number")))
        .order_by("-created_at", "-pk")
    )
    page = Paginator(deliveries, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(
        request,
        "deliveries",
        clinic,
        None,
        page=page,
        retention_days=retention_days("WEBHOOK_LOG_RETENTION_DAYS"),
    )
