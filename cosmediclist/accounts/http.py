"""The request a signed-in view receives: ``request.user`` is a real account, typed as one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from cosmediclist.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """An ``HttpRequest`` behind a sign-in gate (``core.portal.portal_view`` or ``login_required``)."""

    user: User


def signed_in_user(request: HttpRequest) -> User | None:
    """The account signed in on a page anyone may open, or ``None`` for a visitor."""
    user = request.user
    return user if isinstance(user, User) and user.is_authenticated else None


def account_of(request: HttpRequest) -> User:
    """The signed-in account of a request that a gate already checked (the admin's, say);
    ``PermissionDenied`` should a visitor ever reach it."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def private(response: HttpResponse) -> HttpResponse:
    """A page about one person: never cached by a shared cache, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
