"""(b) 500 emails queued while the task worker is killed (SIGKILL) at least 20 times and the SMTP
server refuses mail (451) for its first 30 s: no email is lost, a message is sent twice only when
a kill hit its send window (after the server took it, before the outbox recorded it) and then
with the same Message-ID, and the backlog is drained within 60 s of the server taking mail again.

Shorter timings than production, through settings: the task lease (3 s), the send lease (5 s) and
the first retry (5 s).
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from cosmediclist.notifications import services
from cosmediclist.notifications.models import OutgoingEmail
from tests.chaos.processes import sigkill, start_worker
from tests.security.figures import record
from tests.servers import free_port, server_environment
from tests.smtp import RefusingSmtpSink

pytestmark = pytest.mark.chaos

EMAILS = 500
KILLS = 20
REFUSAL_SECONDS = 30
DRAIN_LIMIT = 60


def sent(database: str) -> int:
    with sqlite3.connect(database, timeout=30) as copy:
        return int(
            copy.execute("SELECT count(*) FROM notifications_outgoingemail WHERE status = 'sent'").fetchone()[
                0
            ]
        )


def test_no_email_is_lost_through_worker_kills_and_a_refusing_server(
    transactional_db: None, tmp_path: Path
) -> None:
    expected = {
        services.message_id(
            services.queue_email(
                key=f"chaos:{n}",
                template="password_reset",
                to=f"reader{n}@example.org",
                context={"name": "Reader", "reset_path": "/"},
            )
        )
        for n in range(EMAILS)
    }
    sink = RefusingSmtpSink(port=free_port(), refusing=True)
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    env = {
        **server_environment(tmp_path),
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        "TASK_LEASE_SECONDS": "3",
        "EMAIL_SEND_LEASE_SECONDS": "5",
        "EMAIL_RETRY_SECONDS": "5",
        "EMAIL_MAX_ATTEMPTS": "20",
    }
    logs = tmp_path / "workers"
    logs.mkdir()
    kills = 0
    done = threading.Event()

    def start(slot: int) -> tuple[Any, Path]:
        log = logs / f"{slot}-{time.monotonic_ns()}.log"
        with log.open("ab") as file:
            return start_worker(env, file), log

    def chaos_monkey() -> None:
        """Kill one of the two workers at a random moment once it is up, then start it again."""
        nonlocal kills
        rng = random.Random()
        while kills < KILLS and not done.is_set():
            time.sleep(rng.uniform(0.5, 3.0))
            up = [slot for slot, (_, log) in enumerate(workers) if b"Starting worker" in log.read_bytes()]
            if not up:
                continue
            slot = rng.choice(up)  # one that is up: the kill lands while it claims, sends or records
            sigkill(workers[slot][0])
            kills += 1
            workers[slot] = start(slot)

    controller.start()
    workers = [start(0), start(1)]  # two workers, as the scale-out recipe runs them
    try:
        started = time.monotonic()
        monkey = threading.Thread(target=chaos_monkey)
        monkey.start()
        time.sleep(REFUSAL_SECONDS)  # the outage: the mail server refuses for this long
        sink.refusing = False
        back = time.monotonic()
        # Waits past the limit (bounded), so that a slow drain and a lost email tell apart.
        while sent(env["SQLITE_PATH"]) < EMAILS and time.monotonic() - back < DRAIN_LIMIT * 4:
            time.sleep(0.5)
        drained = time.monotonic() - back
        done.set()
        monkey.join()
    finally:
        done.set()
        for worker, _ in workers:
            sigkill(worker)
        controller.stop()

    ids = Counter(message["Message-ID"] for message in sink.messages)
    lost = expected - set(ids)
    duplicates = sum(count - 1 for count in ids.values())
    with sqlite3.connect(env["SQLITE_PATH"]) as copy:
        statuses = Counter(row[0] for row in copy.execute("SELECT status FROM notifications_outgoingemail"))
    record(
        "Chaos",
        emails=EMAILS,
        worker_kills=kills,
        smtp_refusals=sink.refused,
        emails_lost=len(lost),
        emails_duplicated=duplicates,
        drain_seconds=round(drained, 1),
    )
    assert sink.refused > 0 and started < back
    assert kills >= KILLS
    assert lost == set() and set(ids) == expected  # every message, and nothing else
    assert statuses == {OutgoingEmail.Status.SENT: EMAILS}
    assert duplicates <= kills  # only where a kill hit the send window, with the same Message-ID
    assert drained <= DRAIN_LIMIT
