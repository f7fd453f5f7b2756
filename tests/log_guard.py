"""A pytest plugin: every test runs with logging at DEBUG, and its log must hold no personal data.

For each test, every record logged in this process (setup, the test itself, live-server threads)
is kept. When the test has run, the text of those records (messages, arguments and tracebacks)
must contain:
- no email address, other than the site's own sending and contact addresses;
- no password the tests sign in with;
- for tests that use the database, no value of a personal field of any model in the personal
  data registry (names, phone numbers, free text, questionnaire answers decrypted), no session
  key and no stored token or key (six characters or more, so that "yes" and "no" are not matched
  in ordinary words).
Processes the tests start themselves (gunicorn, the task worker) log to their own stderr, which
the tests that start them read; this guard covers the test process.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Generator, Iterable
from typing import Any

import pytest
from django.conf import settings
from django.db import models

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SHORTEST = 6
TEST_PASSWORDS = ("correct-horse-battery-42",)
SECRET_FIELD_NAMES = ("session_key", "token", "token_hash", "key", "secret", "key_hash")


# Loggers of what the tests run in this process that is not the site: the loopback SMTP server
# (aiosmtpd, standing for the mail provider) logs each envelope at DEBUG, and factory_boy logs the
# test data it generates.
PEER_LOGGERS = ("mail.log", "factory")


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(PEER_LOGGERS):
            self.records.append(record)

    def texts(self) -> list[str]:
        """Each record as "logger: message [traceback]"."""
        texts = []
        for record in self.records:
            try:
                message = record.getMessage()
            except Exception:  # a record whose arguments do not format still shows them
                message = f"{record.msg!r} {record.args!r}"
            if record.exc_info:
                message += "\n" + logging.Formatter().formatException(record.exc_info)
            texts.append(f"{record.name}: {message}")
        return texts


_handler_key = pytest.StashKey[_Keep]()
_level_key = pytest.StashKey[int]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    handler = _Keep()
    root = logging.getLogger()
    item.stash[_handler_key] = handler
    item.stash[_level_key] = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    result = yield
    handler = item.stash.get(_handler_key, None)
    if handler is not None and handler.records:
        texts = handler.texts()
        leaks = find_leaks("\n".join(texts), uses_database=_uses_database(item))
        if leaks:
            where = [text[:300] for text in texts if any(leak in text for leak in leaks)]
            raise AssertionError(f"personal data or secrets in the log: {sorted(leaks)[:10]} in {where[:3]}")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    try:
        return (yield)
    finally:
        handler = item.stash.get(_handler_key, None)
        root = logging.getLogger()
        if handler is not None:
            root.removeHandler(handler)
            root.setLevel(item.stash.get(_level_key, logging.WARNING))


def _uses_database(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return bool({"db", "transactional_db", "live_server", "django_db_setup"} & names) or bool(
        item.get_closest_marker("django_db")
    )


def find_leaks(text: str, *, uses_database: bool) -> set[str]:
    own = {address.lower() for address in _site_addresses()}
    leaks = {match for match in EMAIL.findall(text) if match.lower() not in own}
    leaks |= {"a test password" for password in TEST_PASSWORDS if password in text}
    if uses_database:
        leaks |= {value for value in stored_personal_values() if value in text}
    return leaks


def _site_addresses() -> Iterable[str]:
    for name in ("DEFAULT_FROM_EMAIL", "SERVER_EMAIL", "CONTACT_EMAIL"):
        value = str(getattr(settings, name, "") or "")
        yield from EMAIL.findall(value)


def stored_personal_values() -> set[str]:
    """Every personal or secret text value in the database now, six characters or longer."""
    from django.apps import apps

    from cosmediclist.consultations.crypto import DecryptionError
    from cosmediclist.core.personal_data import holdings, personal_fields

    values: set[str] = set()
    for holding in holdings():
        model = holding.model_class
        names = [
            name
            for name in personal_fields(model)
            if isinstance(model._meta.get_field(name), models.CharField | models.TextField)
        ]
        names += [f.name for f in model._meta.concrete_fields if f.name in SECRET_FIELD_NAMES]
        for name in set(names):
            try:
                values.update(_long_texts(model._default_manager.values_list(name, flat=True)))
            except DecryptionError:  # a test that changed the field keys: no plain text to look for
                continue
    session = apps.get_model("sessions", "Session")
    values.update(_long_texts(session.objects.values_list("session_key", flat=True)))
    return values


def _long_texts(values: Iterable[Any]) -> Iterable[str]:
    for value in values:
        if isinstance(value, str):
            text = value.strip()
            if len(text) >= SHORTEST:
                yield text
