"""The request a signed-in view receives: ``request.user`` is a real account, typed as one."""

from __future__ import annotations

from django.http import HttpRequest

from cosmediclist.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """An ``HttpRequest`` behind a sign-in gate (``core.portal.portal_view`` or ``login_required``)."""

    user: User
