"""Encryption at rest for health data: Fernet tokens under keys from FIELD_ENCRYPTION_KEYS."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.db import models, transaction


class DecryptionError(Exception):
    """A stored value could not be read with any configured key (a key was removed too early)."""


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    """The keys in force, newest first: the first encrypts, every one of them decrypts."""
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise DecryptionError("a stored health value cannot be decrypted with the configured keys") from None


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text stored as a Fernet token; Python code only ever sees the plain text.

    The empty string is stored as it is, so a purged value reads as empty. Lookups other
    than on emptiness are meaningless on ciphertext and are not used.
    """

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return None if value is None else encrypt(str(value))


def encrypted_fields() -> Iterator[tuple[type[models.Model], list[str]]]:
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


def rotate_all(*, batch_size: int = 500) -> dict[str, int]:
    """Re-encrypt every encrypted value with the newest key; returns rows rewritten per model.

    Each batch is read (decrypting with any configured key) and written back (encrypting with
    the first key) inside one transaction. Once it has run, older keys can be removed.
    """
    counts: dict[str, int] = {}
    for model, names in encrypted_fields():
        done = 0
        pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            with transaction.atomic():
                rows = list(
                    model._default_manager.select_for_update()
                    .filter(pk__in=pks[start : start + batch_size])
                    .only("pk", *names)
                )
                model._default_manager.bulk_update(rows, names)
                done += len(rows)
        counts[model._meta.label] = done
    return counts
