"""(d) SQLite with 8 concurrent writers × 250 submissions: no "database is locked" reaches anyone.

Eight processes (as eight web workers would be), each storing 250 emails in the outbox through its
service at once with the others; every error a writer meets is what a user would see. The fast
version of this (8 threads × 25) is tests/test_concurrent_writers.py.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.security.figures import record
from tests.servers import ROOT, server_environment

pytestmark = pytest.mark.chaos

WRITERS = 8
EACH = 250

WRITER = """
import sys, django
django.setup()
from cosmediclist.notifications.services import queue_email
writer, each = int(sys.argv[1]), int(sys.argv[2])
errors = 0
for i in range(each):
    try:
        queue_email(key=f"writers:{writer}:{i}", template="password_reset", to=f"w{writer}@example.org",
                    context={"name": "W", "reset_path": "/"})
    except Exception as error:
        errors += 1
        print(repr(error)[:200])
print(f"errors {errors}")
"""


def test_eight_writers_times_250_see_no_locked_database(transactional_db: None, tmp_path: Path) -> None:
    env = {**server_environment(tmp_path), "DJANGO_SETTINGS_MODULE": "cosmediclist.settings"}
    started = time.monotonic()
    writers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", WRITER, str(n), str(EACH)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for n in range(WRITERS)
    ]
    outputs = [writer.communicate(timeout=600)[0] for writer in writers]
    elapsed = time.monotonic() - started
    errors = [line for output in outputs for line in output.splitlines() if "Error" in line]
    locked = sum("locked" in line for line in errors)
    with sqlite3.connect(env["SQLITE_PATH"]) as copy:
        stored = copy.execute(
            "SELECT count(*) FROM notifications_outgoingemail WHERE key LIKE 'writers:%'"
        ).fetchone()[0]
    record("Chaos", writers=WRITERS, writes_each=EACH, locked_errors=locked, writers_seconds=round(elapsed))
    assert [output.strip().splitlines()[-1] for output in outputs] == ["errors 0"] * WRITERS, errors
    assert locked == 0
    assert stored == WRITERS * EACH
