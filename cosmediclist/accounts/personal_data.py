"""What accounts hold about a person: the account, its sign-in links, email switches, feed and sessions."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.models import Session
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cosmediclist.accounts.models import CalendarFeed, EmailPreferences, SignInLink, User
from cosmediclist.accounts.roles import roles_of
from cosmediclist.core.personal_data import Holding, Person, register, stamp


def users_of(person: Person) -> QuerySet[User]:
    query = Q(pk__in=[])
    if person.user_id is not None:
        query |= Q(pk=person.user_id)
    for address in person.emails:
        query |= Q(email__iexact=address)
    return User.objects.filter(query)


def _export_user(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "joined_at": stamp(user.date_joined),
        "address_confirmed_at": stamp(user.email_confirmed_at),
        "last_sign_in_at": stamp(user.last_login),
        "roles": sorted(role.value for role in roles_of(user)),
    }


def _links_to(person: Person) -> QuerySet[SignInLink]:
    query = Q(pk__in=[])
    for address in person.emails:
        query |= Q(email__iexact=address)
    return SignInLink.objects.filter(query)


def _sessions_of(person: Person) -> QuerySet[Session]:
    """Database sessions signed in as the person (with a cache backend there are none in the database)."""
    if person.user_id is None:
        return Session.objects.none()
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if str(session.get_decoded().get("_auth_user_id", "")) == str(person.user_id)
    ]
    return Session.objects.filter(session_key__in=keys)


def _by_user(model: Any) -> Any:
    def find(person: Person) -> QuerySet[Any]:
        if person.user_id is None:
            return model.objects.none()  # type: ignore[no-any-return]
        return model.objects.filter(user_id=person.user_id)  # type: ignore[no-any-return]

    return find


def _delete(rows: QuerySet[Any]) -> int:
    return int(rows.delete()[0])


register(
    [
        Holding(
            model="accounts.signinlink",
            section="Sign-in links",
            description="One-time sign-in links emailed to you: the address and when each was sent and used.",
            find=_links_to,
            export=lambda link: {"sent_at": stamp(link.created_at), "used_at": stamp(link.used_at)},
            erase=_delete,
            order=70,
            retention="SIGN_IN_LINK_RETENTION_DAYS",
            erasure="Deleted.",
        ),
        Holding(
            model="accounts.emailpreferences",
            section="Email preferences",
            description="Which kinds of email you chose to receive.",
            find=_by_user(EmailPreferences),
            export=lambda prefs: {
                "plan_reminders": prefs.plan_reminders,
                "review_emails": prefs.review_emails,
                "comment_emails": prefs.comment_emails,
                "changed_at": stamp(prefs.updated_at),
            },
            erase=_delete,
            order=70,
            erasure="Deleted.",
        ),
        Holding(
            model="accounts.calendarfeed",
            section="Calendar feed",
            description="Whether you have a secret calendar address for your sessions (the address is not kept).",
            find=_by_user(CalendarFeed),
            export=lambda feed: {"created_at": stamp(feed.created_at)},
            erase=_delete,
            order=70,
            erasure="Deleted: the address stops working.",
        ),
        Holding(
            model="otp_totp.totpdevice",
            section="Two-step sign-in",
            description="Your authenticator app for signing in: when it was set up and last used (its secret is never exported).",
            find=_by_user(TOTPDevice),
            export=lambda device: {
                "confirmed": device.confirmed,
                "set_up_at": stamp(device.created_at),
                "last_used_at": stamp(device.last_used_at),
            },
            erase=_delete,
            order=80,
            erasure="Deleted with its secret.",
        ),
        Holding(
            model="otp_static.staticdevice",
            section="Recovery codes",
            description="How many of your single-use recovery codes are left (the codes themselves are never exported).",
            find=_by_user(StaticDevice),
            export=lambda device: {
                "codes_left": device.token_set.count(),
                "last_used_at": stamp(device.last_used_at),
            },
            erase=_delete,
            order=80,
            erasure="Deleted with every code.",
        ),
        Holding(
            model="sessions.session",
            section="Signed-in sessions",
            description="The browsers signed in to your account, until they sign out or expire.",
            find=_sessions_of,
            export=lambda session: {"expires_at": stamp(session.expire_date)},
            erase=_delete,
            order=80,
            retention="SESSION_COOKIE_AGE",
            erasure="Deleted: every browser is signed out.",
        ),
        Holding(
            model="accounts.user",
            section="Account",
            description="Your account: email address, name, when you joined and last signed in.",
            find=users_of,
            export=_export_user,
            erase=_delete,
            order=100,
            erasure="Deleted.",
        ),
    ]
)
