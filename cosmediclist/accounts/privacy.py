"""Export and erasure: everything the registry knows about one person, taken or wiped in one step."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from cosmediclist.core import audit
from cosmediclist.core.personal_data import Holding, Person, holdings, stamp

EXPORT_FORMAT = 1


def person_for(user: Any) -> Person:
    """The signed-in reader: their account, and its email address once they proved they own it.

    An account made with a password alone has not proven its address: rows others left under that
    address (requests, answers, comments, emails) are not theirs to see, take or erase.
    """
    emails = (user.email,) if user.email_confirmed_at is not None else ()
    return Person(user_id=user.pk, emails=emails)


def export_person(person: Person) -> dict[str, Any]:
    """Everything held about ``person``, section by section, as JSON-ready values with timestamps."""
    sections: dict[str, Any] = {}
    for holding in holdings():
        rows = [holding.export(row) for row in holding.find(person)]
        sections[holding.section] = {"about": holding.description, "items": rows}
    return {"format": EXPORT_FORMAT, "exported_at": stamp(timezone.now()), "sections": sections}


def record_export(*, actor: AbstractBaseUser | AnonymousUser | None, person: Person, via: str) -> None:
    audit.record(actor=actor, action="privacy.exported", data={"user_id": person.user_id or 0, "via": via})


def erase_person(*, person: Person) -> dict[str, int]:
    """Erase or anonymise every row each app declared about ``person``, in one transaction.

    Runs the holdings in their declared order (rows that point at others first, the account
    last) and returns how many rows each touched. The audit log keeps one event with those
    counts and the account's id only: no name or address.
    """
    counts: dict[str, int] = {}
    with transaction.atomic():
        for holding in holdings():
            counts[holding.model] = _erase(holding, person)
        audit.record(
            actor=None,
            action="privacy.erased",
            data={"user_id": person.user_id or 0, **{k: v for k, v in counts.items() if v}},
        )
    return counts


def _erase(holding: Holding, person: Person) -> int:
    return holding.erase(holding.find(person))
