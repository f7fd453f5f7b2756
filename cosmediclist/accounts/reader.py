"""The reader's own settings, reached only through their account: email switches, calendar feed address."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404

from cosmediclist.accounts.models import CalendarFeed, EmailPreferences, User
from cosmediclist.core import audit


def preferences_of(user: User) -> EmailPreferences:
    found, _ = EmailPreferences.objects.get_or_create(user=user)
    return found


def wants(email: str, kind: str) -> bool:
    """Whether the account under ``email`` (if any) keeps ``kind`` of email switched on."""
    prefs = EmailPreferences.objects.filter(user__email__iexact=email).values_list(kind, flat=True).first()
    return True if prefs is None else bool(prefs)


def switched_off(kind: str, email_field: str) -> Exists:
    """For a queryset annotation: whether the account under the row's ``email_field`` turned ``kind`` off."""
    return Exists(EmailPreferences.objects.filter(user__email__iexact=OuterRef(email_field), **{kind: False}))


def save_preferences(*, user: User, **switches: bool) -> EmailPreferences:
    with transaction.atomic():
        prefs = preferences_of(user)
        for name, value in switches.items():
            setattr(prefs, name, value)
        prefs.save()
        audit.record(actor=user, action="account.preferences_changed", obj=user, data=switches)
    return prefs


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_calendar_feed(*, user: User) -> str:
    """A new secret feed address token (any earlier one stops working); shown once, stored hashed."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        CalendarFeed.objects.create(user=user, token_hash=_hash(token))
        audit.record(actor=user, action="account.calendar_feed_created", obj=user)
    return token


def revoke_calendar_feed(*, user: User) -> None:
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        audit.record(actor=user, action="account.calendar_feed_revoked", obj=user)


def feed_owner_id(token: str) -> int:
    """The account behind a secret calendar feed address; ``Http404`` for a revoked or unknown one."""
    feed = CalendarFeed.objects.filter(token_hash=_hash(token)).first()
    if feed is None:
        raise Http404("No such calendar")
    return feed.user_id
