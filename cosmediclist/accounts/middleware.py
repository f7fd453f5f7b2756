"""Session guard: sessions end after inactivity; staff reach private areas only after a second factor.

- Each session remembers when it was last used (refreshed at most once a minute, so most
  requests write nothing) and how long it may sit idle: ``STAFF_IDLE_MINUTES`` for staff,
  ``READER_IDLE_MINUTES`` for everyone else, fixed at sign-in by ``stamp_session``. Past that, the
  next request finds the session signed out, with a message saying why.
- A staff account (``second_factor.needs_second_factor``) whose session has not passed the
  second factor is sent from any of ``SECOND_FACTOR_PATHS`` (portal, CMS, admin, moderation) to
  the code page, or to the enrolment page when it has no authenticator app yet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from cosmediclist.accounts import second_factor
from cosmediclist.accounts.models import User
from cosmediclist.core import audit

LAST_SEEN_KEY = "last_seen_at"
IDLE_KEY = "idle_seconds"
REFRESH_SECONDS = 60
# The stored session (and its cookie) outlives the idle limit by this much, so that the next
# request still finds it and can say why it ended; this middleware enforces the limit itself.
GRACE_SECONDS = 3600


def idle_seconds_for(user: User) -> int:
    minutes = (
        settings.STAFF_IDLE_MINUTES
        if second_factor.needs_second_factor(user)
        else settings.READER_IDLE_MINUTES
    )
    return int(minutes) * 60


def stamp_session(request: HttpRequest, user: User) -> None:
    """At sign-in: the session's idle limit for this account, and its first activity."""
    limit = idle_seconds_for(user)
    request.session[IDLE_KEY] = limit
    request.session[LAST_SEEN_KEY] = int(time.time())
    request.session.set_expiry(limit + GRACE_SECONDS)


def stamp_on_login(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        stamp_session(request, user)


class SessionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if SESSION_KEY in request.session:
            self._expire_or_refresh(request)
        if request.path.startswith(tuple(settings.SECOND_FACTOR_PATHS)):
            redirect = self._second_factor_gate(request)
            if redirect is not None:
                return redirect
        return self.get_response(request)

    def _expire_or_refresh(self, request: HttpRequest) -> None:
        session = request.session
        now = int(time.time())
        limit = int(session.get(IDLE_KEY, settings.STAFF_IDLE_MINUTES * 60))
        last_seen = session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - int(last_seen) > limit:
            user = request.user
            logout(request)
            if isinstance(user, User):
                audit.record(actor=user, action="account.session_expired", obj=user)
            minutes = max(1, limit // 60)
            messages.info(
                request,
                f"You were signed out after {minutes} minutes without activity. Please sign in again.",
            )
        elif last_seen is None or now - int(last_seen) >= REFRESH_SECONDS:
            session[LAST_SEEN_KEY] = now
            session.set_expiry(limit + GRACE_SECONDS)

    def _second_factor_gate(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not isinstance(user, User) or second_factor.is_verified(request.session):
            return None
        if not second_factor.needs_second_factor(user):
            return None
        name = "accounts:sign-in-code" if second_factor.has_second_factor(user) else "accounts:two-factor"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(name)}?{query}")
