"""API keys: create (the secret is returned once), revoke, and find the key a caller presents."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cosmediclist.api.models import ApiKey, Scope
from cosmediclist.api.switch_off import switch_off
from cosmediclist.core import audit
from cosmediclist.directory.models import Clinic

KEY_PREFIX = "cml_"
MAX_RATE_LIMIT = 6000


@dataclass(frozen=True)
class NewKey:
    """A key just made: ``secret`` is the only copy of the full key; it is not stored."""

    key: ApiKey
    secret: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(
    *,
    actor: Any,
    name: str,
    scopes: Sequence[str],
    clinic: Clinic | None = None,
    rate_limit_per_minute: int = 60,
) -> NewKey:
    """Make a key and return it with its secret, which is shown once and never stored.

    Raises ValidationError naming the field: a name is required, scopes must be known and not
    empty, the inbox scope needs a clinic, the rate limit is 1 to MAX_RATE_LIMIT a minute.
    """
    name = name.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Give the key a name, such as the partner or system that uses it."
    unknown = [s for s in scopes if s not in Scope.values]
    if not scopes or unknown:
        errors["scopes"] = "Choose at least one of: " + ", ".join(Scope.values) + "."
    elif Scope.INBOX in scopes and clinic is None:
        errors["scopes"] = "Only a clinic's key can read an inbox: choose the clinic."
    if not 1 <= rate_limit_per_minute <= MAX_RATE_LIMIT:
        errors["rate_limit_per_minute"] = f"Between 1 and {MAX_RATE_LIMIT} calls a minute."
    if errors:
        raise ValidationError(errors)
    prefix = secrets.token_hex(4)
    secret = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        key = ApiKey.objects.create(
            name=name[:100],
            prefix=prefix,
            secret_hash=_hash(secret),
            clinic=clinic,
            scopes=sorted(set(scopes)),
            rate_limit_per_minute=rate_limit_per_minute,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        audit.record(
            actor=actor,
            action="api.key_created",
            obj=key,
            clinic_id=clinic.pk if clinic else None,
            data={"prefix": prefix, "scopes": ",".join(key.scopes)},
        )
    return NewKey(key=key, secret=secret)


def revoke_key(*, actor: Any, key: ApiKey) -> None:
    """Revoke a key at once (safe to repeat); calls with it then get 401."""
    switch_off(
        actor=actor, obj=key, field="revoked_at", action="api.key_revoked", data={"prefix": key.prefix}
    )


def find_key(presented: str) -> ApiKey | None:
    """The active key whose secret this is, or None; compares hashes in constant time."""
    if not presented.startswith(KEY_PREFIX) or len(presented) > 100:
        return None
    prefix = presented[len(KEY_PREFIX) :].split("_", 1)[0]
    key = ApiKey.objects.active().select_related("clinic").filter(prefix=prefix).first()
    if key is None or not hmac.compare_digest(key.secret_hash, _hash(presented)):
        return None
    return key


def mark_used(key: ApiKey) -> None:
    """Record when the key was last used, at most once a minute (no write on every call)."""
    now = timezone.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
