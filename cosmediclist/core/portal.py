"""The clinic portal's frame, shared by every app's ``/portal/`` pages.

- ``portal_view``: the gate in front of every portal view. Sign-in is required (anyone else is sent
  to the sign-in page), then the allowed methods; the view itself then finds its clinic's object
  through the app's ``access`` functions, which raise ``Http404`` for staff of any other clinic, so
  that they cannot even tell that it exists. The view receives the request typed as signed in.
- ``add_service_errors``: a service's ``ValidationError`` put back on the form, next to its fields;
  ``run_form`` validates a form, calls the service with its data and does that on refusal.
- ``with_portal``: an app's public URLs plus its ``portal_urlpatterns`` under ``portal/``, in the
  app's namespace, so that the root URL map mounts every ``/portal/`` page itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import wraps
from types import ModuleType
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.http import require_http_methods

P = ParamSpec("P")
R = TypeVar("R", bound=HttpRequest)


def portal_view(
    *methods: str,
) -> Callable[
    [Callable[Concatenate[R, P], HttpResponse]], Callable[Concatenate[HttpRequest, P], HttpResponse]
]:
    """Sign-in required, then only ``methods`` (all when none are named; the view checks them)."""

    def decorate(
        view: Callable[Concatenate[R, P], HttpResponse],
    ) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
        @wraps(view)
        def gated(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            # login_required (outside) guarantees a signed-in account here.
            return view(cast(R, request), *args, **kwargs)

        inner: Callable[..., HttpResponse] = require_http_methods(list(methods))(gated) if methods else gated
        return cast(Callable[Concatenate[HttpRequest, P], HttpResponse], login_required(inner))

    return decorate


def add_service_errors(
    form: BaseForm, error: ValidationError, *, rename: Mapping[str, str] | None = None
) -> None:
    """Put a service's errors next to the form's fields (``rename`` maps a model field to a form
    field); errors on fields the form does not show, or on no field, go at the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        target = (rename or {}).get(field, field)
        form.add_error(target if target in form.fields else None, messages)


def run_form(
    form: BaseForm,
    action: Callable[[dict[str, Any]], object],
    *,
    rename: Mapping[str, str] | None = None,
) -> bool:
    """Validate ``form``, then ``action(form.cleaned_data)`` (a service call); True when it went
    through. A refusal (``ValidationError``) goes back on the form with ``add_service_errors``."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error, rename=rename)
        return False
    return True


def with_portal(urls: ModuleType) -> tuple[Sequence[URLPattern | URLResolver], str]:
    """``urls.urlpatterns`` plus ``urls.portal_urlpatterns`` under ``portal/``, in ``urls.app_name``."""
    patterns: list[Any] = [*urls.urlpatterns, path("portal/", include(urls.portal_urlpatterns))]
    return patterns, urls.app_name
