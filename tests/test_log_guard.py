"""The log guard (tests/log_guard.py) finds what it promises to find, and lets ordinary logs pass."""

from __future__ import annotations

import logging

import pytest

from tests.log_guard import find_leaks, stored_personal_values
from tests.personas import PASSWORD, make_user


def test_an_email_address_in_a_log_is_a_leak() -> None:
    assert find_leaks("sent reminder to pia.patient@example.org", uses_database=False) == {
        "pia.patient@example.org"
    }
    assert find_leaks("sent reminder 41 to request CM-7F3K", uses_database=False) == set()


def test_a_test_password_in_a_log_is_a_leak() -> None:
    assert find_leaks(f"login with {PASSWORD}", uses_database=False) == {"a test password"}


def test_stored_names_and_free_text_in_a_log_are_leaks(db: None) -> None:
    make_user("zeb@example.org", "Zebedee", "Quuxworth")
    assert {"Zebedee", "Quuxworth"} <= stored_personal_values()
    assert find_leaks("account of Quuxworth updated", uses_database=True) == {"Quuxworth"}
    assert find_leaks("account 12 updated", uses_database=True) == set()


def test_the_guard_runs_at_debug_level() -> None:
    assert logging.getLogger().isEnabledFor(logging.DEBUG)


@pytest.mark.django_db
def test_logging_an_unrelated_message_passes() -> None:
    logging.getLogger("cosmediclist.test").info("a page was published: %s", "What is mesotherapy?")
