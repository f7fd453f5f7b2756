"""``Idempotency-Key`` on POST: a retry gets the first call's stored response, never a second write.

The rules, like pretix's ``X-Idempotency-Key``:

- the first call with a key inserts a row "in flight" (committed at once), runs, then stores its
  status and body, in the same transaction as the work it did;
- a repeat with the same key and the same body gets the stored response, marked
  ``Idempotent-Replayed: true``;
- the same key with another body (or on another endpoint) gets 422 naming ``Idempotency-Key``;
- a repeat while the first call is still running gets 409 (try again shortly);
- a call that fails with a server error or an exception stores nothing: its key can be used again;
- a row left "in flight" by a process that died is taken over after settings.IDEMPOTENCY_IN_FLIGHT_SECONDS;
- keys are forgotten after settings.IDEMPOTENCY_KEY_HOURS (``api.retention.purge``).

The unique (scope, key) constraint makes the insert the single point of decision on SQLite and
PostgreSQL alike: ten parallel calls with one key make one request.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cosmediclist.api.models import IdempotencyRecord, IdempotencyState

HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")  # printable ASCII, no spaces


class IdempotencyError(Exception):
    """Refused because of the key: ``status`` is 409 or 422."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any]
    replayed: bool = False


def body_hash(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def _claim(*, scope: str, key: str, endpoint: str, digest: str) -> IdempotencyRecord | Outcome:
    """Insert the "in flight" row and return it, or answer from the row another call made."""
    now = timezone.now()
    for _ in range(2):
        try:
            with transaction.atomic():
                return IdempotencyRecord.objects.create(
                    scope=scope,
                    key=key,
                    endpoint=endpoint,
                    body_hash=digest,
                    expires_at=now + timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS),
                )
        except IntegrityError:
            found = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if found is None:  # deleted between our insert and our read: try once more
            continue
        if found.expires_at <= now:
            IdempotencyRecord.objects.filter(pk=found.pk, expires_at__lte=now).delete()
            continue
        if found.endpoint != endpoint or found.body_hash != digest:
            raise IdempotencyError(
                422, "This Idempotency-Key was already used with another request body: use a new key."
            )
        if found.state == IdempotencyState.DONE:
            return Outcome(status=found.response_status or 200, body=found.response_body or {}, replayed=True)
        taken = IdempotencyRecord.objects.filter(
            pk=found.pk,
            state=IdempotencyState.IN_FLIGHT,
            started_at__lt=now - timedelta(seconds=settings.IDEMPOTENCY_IN_FLIGHT_SECONDS),
        ).update(started_at=now)
        if taken:
            found.started_at = now
            return found
        raise IdempotencyError(
            409, "A request with this Idempotency-Key is still being processed: retry shortly."
        )
    raise IdempotencyError(
        409, "A request with this Idempotency-Key is still being processed: retry shortly."
    )


def run_once(
    *, key: str | None, scope: str, endpoint: str, body: Any, action: Callable[[str], Outcome]
) -> Outcome:
    """Run ``action`` once per (scope, key); see the module's rules. Without a key, just run it.

    ``action`` runs inside a transaction with the storing of its response, so its writes and the
    stored response commit together. It receives a token naming this run: the same for a call
    that takes over a row left in flight, new for each key's lifetime (or each call without a key).
    Raises IdempotencyError (409 or 422).
    """
    if key is None:
        return action(secrets.token_hex(16))
    if not KEY_PATTERN.match(key):
        raise IdempotencyError(422, "Use 1 to 255 printable ASCII characters without spaces.")
    claimed = _claim(scope=scope, key=key, endpoint=endpoint, digest=body_hash(body))
    if isinstance(claimed, Outcome):
        return claimed
    try:
        with transaction.atomic():
            outcome = action(f"{scope}:{key}:{claimed.pk}")
            if outcome.status >= 500:
                raise _ServerError(outcome)
            IdempotencyRecord.objects.filter(pk=claimed.pk).update(
                state=IdempotencyState.DONE, response_status=outcome.status, response_body=outcome.body
            )
        return outcome
    except _ServerError as failed:
        IdempotencyRecord.objects.filter(pk=claimed.pk).delete()
        return failed.outcome
    except BaseException:
        IdempotencyRecord.objects.filter(pk=claimed.pk).delete()
        raise


class _ServerError(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__("server error")
        self.outcome = outcome
