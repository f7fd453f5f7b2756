"""(a) 1,000 consultation submissions through the API, each with its own Idempotency-Key, while the
web server (gunicorn, master and workers) is killed with SIGKILL at random moments and started
again. Every client retries until its submission is acknowledged (201). Afterwards every
acknowledged key has exactly one request, and nothing acknowledged is missing.

A call cut by a kill leaves its key "in flight"; a retry gets 409 until
IDEMPOTENCY_IN_FLIGHT_SECONDS (5 s here, 2 minutes by default) and then takes it over.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from cosmediclist.api import keys
from cosmediclist.api.tests.helpers import request_payload
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.directory.tests.factories import clinic_offering
from tests.chaos.processes import Gunicorn
from tests.personas import make_user
from tests.security.figures import record
from tests.servers import free_port, server_environment

pytestmark = pytest.mark.chaos

SUBMISSIONS = 1000
KILLS = 20
CLIENTS = 8
URL = "/api/v1/consultations/requests"


def test_every_acknowledged_submission_is_stored_once_through_twenty_kills(
    transactional_db: None, admin: Any, tmp_path: Path
) -> None:
    treatment = mesotherapy()
    clinic = clinic_offering(
        treatment, staff=make_user("carl.chaos@example.org", "Carl", "Chaos"), slug="chaos"
    )
    partner = keys.create_key(
        actor=admin, name="Chaos partner", scopes=["submit"], rate_limit_per_minute=6000
    )
    payload = request_payload(clinic, treatment)
    env = {**server_environment(tmp_path), "IDEMPOTENCY_IN_FLIGHT_SECONDS": "5"}
    server = Gunicorn(env, free_port(), tmp_path / "gunicorn.log")
    acknowledged: dict[str, list[str]] = {}
    refused: list[tuple[str, int, str]] = []
    finished = threading.Event()

    def submit(number: int) -> None:
        key = f"chaos-{number}"
        body = json.dumps({**payload, "name": f"Patient {number}"})
        headers = {
            "Authorization": f"Bearer {partner.secret}",
            "Idempotency-Key": key,
            "Content-Type": "application/json",
        }
        while True:
            try:
                answer = requests.post(server.url + URL, data=body, headers=headers, timeout=15)
            except requests.RequestException:  # killed mid-call, or down: retry
                time.sleep(0.2)
                continue
            if answer.status_code == 201:
                acknowledged[key] = [one["reference"] for one in answer.json()["requests"]]
                return
            if answer.status_code in {409, 502, 503}:  # in flight after a kill, or restarting
                time.sleep(0.5)
                continue
            refused.append((key, answer.status_code, answer.text[:300]))
            return

    def chaos_monkey() -> None:
        rng = random.Random()
        while server.kills < KILLS and not finished.is_set():
            time.sleep(rng.uniform(0.5, 3.0))
            server.kill()
            server.start()

    started = time.monotonic()
    server.start()
    try:
        server.wait_until_up()
        monkey = threading.Thread(target=chaos_monkey)
        monkey.start()
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(submit, range(SUBMISSIONS)))
        finished.set()
        monkey.join()
    finally:
        finished.set()
        server.stop()
    elapsed = time.monotonic() - started

    with sqlite3.connect(env["SQLITE_PATH"]) as copy:
        stored = [
            row[0]
            for row in copy.execute(
                "SELECT reference FROM consultations_consultationrequest WHERE clinic_id = ?", (clinic.pk,)
            )
        ]
    references = [reference for made in acknowledged.values() for reference in made]
    missing = set(references) - set(stored)
    duplicated = len(stored) - len(set(stored)) + len(set(stored) - set(references))
    record(
        "Chaos",
        submissions=SUBMISSIONS,
        server_kills=server.kills,
        acknowledged=len(acknowledged),
        missing=len(missing),
        duplicated=duplicated,
        submission_seconds=round(elapsed),
    )
    assert refused == []
    assert server.kills >= KILLS
    assert len(acknowledged) == SUBMISSIONS
    assert all(len(made) == 1 for made in acknowledged.values())
    assert len(set(references)) == SUBMISSIONS  # each key its own request
    assert missing == set()
    assert duplicated == 0 and len(stored) == SUBMISSIONS
