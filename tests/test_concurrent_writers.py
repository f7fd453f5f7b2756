"""Eight writers at once through a service see no "database is locked" (SQLite settings)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.servers import ROOT, server_environment

WRITERS = """
import threading, django
django.setup()
from django.db import connection
from cosmediclist.notifications.services import queue_email
errors = []
def write(n):
    try:
        for i in range(25):
            queue_email(key=f"load:{n}:{i}", template="password_reset", to=f"w{n}@example.org",
                        context={"name": "W", "reset_path": "/"})
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
from cosmediclist.notifications.models import OutgoingEmail
print("\\n".join(errors) or "no errors", OutgoingEmail.objects.filter(key__startswith="load:").count())
"""


def test_eight_concurrent_writers_see_no_locked_database(transactional_db: None, tmp_path: Path) -> None:
    env = {**server_environment(tmp_path), "DJANGO_SETTINGS_MODULE": "cosmediclist.settings"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", WRITERS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.stdout.strip() == "no errors 200", done.stdout + done.stderr
