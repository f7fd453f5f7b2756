"""The registry of personal data: what each app holds about a person, how to find, export and erase it.

Each app declares its models in ``<app>/personal_data.py`` (found at start-up, like
``audit_actions.py``). A :class:`Holding` names a model, how to find one person's rows (by
account and/or by verified email address), how to export a row as JSON, and how to erase or
anonymise the rows found. A model whose fields look personal but hold nothing about a member of
the public (a clinic's phone, a treatment's name) is declared :class:`NotPersonal`, with the
reason. ``tests/test_personal_data_registry.py`` fails when a model with a personal-looking field
is in neither list, so a new model cannot be forgotten by export and erasure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models


@dataclass(frozen=True)
class Person:
    """Whom a request concerns: an account (optional) and the email addresses they proved they own."""

    user_id: int | None
    emails: tuple[str, ...]

    @property
    def email_q_values(self) -> list[str]:
        return [address.lower() for address in self.emails]


Finder = Callable[[Person], "models.QuerySet[Any]"]
Exporter = Callable[[Any], dict[str, Any]]
Eraser = Callable[["models.QuerySet[Any]"], int]


@dataclass(frozen=True)
class Holding:
    """One model that holds data about people.

    ``find`` returns the person's rows; ``export`` turns one row into JSON-ready values (with
    timestamps); ``erase`` erases or anonymises the rows ``find`` returned and says how many it
    touched. ``order`` runs erasure from low to high: rows that point at others go first, the
    account itself last. ``retention`` names the setting that limits how long the rows are kept
    (listed on the privacy page), empty when they are kept as long as the account; ``kept``
    says it in words when no single setting does.

    ``claim``, for rows a visitor can leave under an email address before having an account:
    given the account, it attaches the rows under its (proven) address that have no account yet,
    and says how many; ``claimed_as`` names them in the audit event ("requests").
    """

    model: str
    section: str
    description: str
    find: Finder
    export: Exporter
    erase: Eraser
    order: int = 50
    retention: str = ""
    erasure: str = ""
    kept: str = ""
    claim: Callable[[Any], int] | None = None
    claimed_as: str = ""

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


@dataclass(frozen=True)
class NotPersonal:
    """A model with a personal-looking field that holds nothing about a member of the public."""

    model: str
    reason: str


@dataclass
class _Registry:
    holdings: dict[str, Holding] = field(default_factory=dict)
    exempt: dict[str, NotPersonal] = field(default_factory=dict)
    exempt_apps: dict[str, str] = field(default_factory=dict)


_registry = _Registry()


def register(holdings: Iterable[Holding] = (), *, not_personal: Iterable[NotPersonal] = ()) -> None:
    for holding in holdings:
        known = _registry.holdings.get(holding.model)
        if known is not None and known != holding:
            raise ValueError(f"personal data of {holding.model} is declared twice")
        _registry.holdings[holding.model] = holding
    for item in not_personal:
        _registry.exempt[item.model] = item


def register_app_without_personal_data(app_label: str, reason: str) -> None:
    """Third-party apps whose every model holds staff or editorial records only."""
    _registry.exempt_apps[app_label] = reason


def holdings() -> list[Holding]:
    return sorted(_registry.holdings.values(), key=lambda holding: (holding.order, holding.model))


def is_declared(label: str) -> bool:
    app_label = label.split(".", 1)[0]
    return label in _registry.holdings or label in _registry.exempt or app_label in _registry.exempt_apps


PERSONAL_NAMES = frozenset(
    {"name", "first_name", "last_name", "full_name", "phone", "ip", "ip_address", "ip_hash", "address"}
)


def personal_fields(model: type[models.Model]) -> list[str]:
    """The fields that look like they could hold a person's data: names, contacts, free text, users."""
    found = []
    for model_field in model._meta.concrete_fields:
        is_user = (
            model_field.is_relation
            and model_field.related_model is not None
            and model_field.related_model._meta.label == settings.AUTH_USER_MODEL
        )
        if (
            is_user
            or isinstance(model_field, models.EmailField | models.GenericIPAddressField | models.TextField)
            or model_field.name in PERSONAL_NAMES
        ):
            found.append(model_field.name)
    return found


def stamp(value: Any) -> str | None:
    """A datetime or date as ISO 8601 text for the export (None stays None)."""
    return value.isoformat() if value is not None else None


def retention_label(setting: str, set_in_cms: dict[str, int] | None = None) -> str:
    """How long a kind of data is kept, in words, from the period that governs it now.

    A period administrators set in the CMS reads "N days"; one that comes from the environment
    names its setting too, "N days (INTAKE_RETENTION_DAYS)".
    """
    from cosmediclist.core import retention

    if not setting:
        return "As long as the account or the item exists"
    if setting == "SESSION_COOKIE_AGE":
        return f"{int(settings.SESSION_COOKIE_AGE) // 86400} days ({setting})"
    chosen = retention.set_in_cms() if set_in_cms is None else set_in_cms
    if setting in chosen:
        return f"{chosen[setting]} days"
    return f"{retention.retention_days(setting)} days ({setting})"


def retention_table() -> list[dict[str, str]]:
    """One row per kind of personal data for the privacy page (the periods read once)."""
    from cosmediclist.core import retention

    chosen = retention.set_in_cms()
    return [
        {
            "section": holding.section,
            "description": holding.description,
            "kept": holding.kept or retention_label(holding.retention, chosen),
            "erasure": holding.erasure,
        }
        for holding in holdings()
    ]
