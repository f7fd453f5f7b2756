"""Idempotency-Key on POST: a retry replays the stored response; another body gets 422; a repeat in
flight gets 409; ten parallel calls against a live server (gunicorn, several processes and threads)
make exactly one request, on SQLite and on PostgreSQL (whichever the suite runs on)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from cosmediclist.api import keys
from cosmediclist.api.keys import NewKey
from cosmediclist.api.models import IdempotencyRecord, IdempotencyState
from cosmediclist.api.retention import purge
from cosmediclist.api.tests.helpers import bearer, request_payload
from cosmediclist.consultations.models import ConsultationRequest
from tests.servers import ROOT, free_port, server_environment, wait_until_up

URL = "/api/v1/consultations/requests"


def post(client: Client, payload: dict[str, Any], key: str | None, new: NewKey) -> Any:
    headers = {**bearer(new), **({"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {})}
    return client.post(URL, json.dumps(payload), content_type="application/json", **headers)


def test_a_retry_with_the_same_key_returns_the_stored_response(
    partner_key: NewKey, clinic: Any, treatment: Any
) -> None:
    client = Client()
    payload = request_payload(clinic, treatment)
    first = post(client, payload, "order-1", partner_key)
    again = post(client, payload, "order-1", partner_key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert ConsultationRequest.objects.count() == 1
    record = IdempotencyRecord.objects.get()
    assert record.state == IdempotencyState.DONE
    assert "Warfarin" not in json.dumps(record.response_body)
    assert "rosa.reader" not in json.dumps(record.response_body)


def test_without_a_key_each_post_makes_a_request(partner_key: NewKey, clinic: Any, treatment: Any) -> None:
    payload = request_payload(clinic, treatment)
    assert post(Client(), payload, None, partner_key).status_code == 201
    assert post(Client(), payload, None, partner_key).status_code == 201
    assert ConsultationRequest.objects.count() == 2


def test_the_same_key_with_another_body_gets_422_naming_the_header(
    partner_key: NewKey, clinic: Any, treatment: Any
) -> None:
    assert post(Client(), request_payload(clinic, treatment), "k-2", partner_key).status_code == 201
    other = post(Client(), request_payload(clinic, treatment, name="Someone Else"), "k-2", partner_key)
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"
    assert ConsultationRequest.objects.count() == 1


def test_keys_belong_to_their_caller(partner_key: NewKey, admin: Any, clinic: Any, treatment: Any) -> None:
    second = keys.create_key(actor=admin, name="Another partner", scopes=["submit"])
    payload = request_payload(clinic, treatment)
    assert post(Client(), payload, "shared-name", partner_key).status_code == 201
    theirs = post(Client(), request_payload(clinic, treatment, name="Other Person"), "shared-name", second)
    assert theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert ConsultationRequest.objects.count() == 2


def test_a_repeat_while_the_first_is_in_flight_gets_409(
    partner_key: NewKey, clinic: Any, treatment: Any
) -> None:
    payload = request_payload(clinic, treatment)
    from cosmediclist.api.idempotency import body_hash

    # The first call's row, as it stands while that call is still running (another process).
    IdempotencyRecord.objects.create(
        scope=f"key:{partner_key.key.pk}",
        key="slow",
        endpoint="POST /consultations/requests",
        body_hash=body_hash(payload),
        expires_at=timezone.now() + timedelta(hours=24),
    )
    response = post(Client(), payload, "slow", partner_key)
    assert response.status_code == 409
    assert "detail" in response.json()
    assert not ConsultationRequest.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):  # its process died: taken over
        assert post(Client(), payload, "slow", partner_key).status_code == 201


def test_a_refused_submission_is_stored_and_replayed_too(
    partner_key: NewKey, clinic: Any, treatment: Any
) -> None:
    payload = request_payload(clinic, treatment, answers=[])
    first = post(Client(), payload, "bad-1", partner_key)
    again = post(Client(), payload, "bad-1", partner_key)
    assert first.status_code == again.status_code == 422
    assert again.json() == first.json()


@pytest.mark.parametrize("key", ["", "with space", "x" * 256, "é"])
def test_a_malformed_key_is_refused_by_name(
    partner_key: NewKey, clinic: Any, treatment: Any, key: str
) -> None:
    response = post(Client(), request_payload(clinic, treatment), key, partner_key)
    assert response.status_code == 422
    assert not ConsultationRequest.objects.exists()


def test_keys_expire_after_a_day_and_are_purged(partner_key: NewKey, clinic: Any, treatment: Any) -> None:
    payload = request_payload(clinic, treatment)
    assert post(Client(), payload, "daily", partner_key).status_code == 201
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert purge()["idempotency_keys"] == 1
        fresh = post(Client(), request_payload(clinic, treatment, name="Next Day"), "daily", partner_key)
        assert fresh.status_code == 201
    assert ConsultationRequest.objects.count() == 2


def _start_threaded_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cosmediclist.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "5",
            "--worker-class",
            "gthread",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_ten_parallel_posts_with_one_key_make_exactly_one_request(
    transactional_db: None, admin: Any, clinic: Any, treatment: Any, tmp_path: Path
) -> None:
    partner = keys.create_key(
        actor=admin, name="Parallel partner", scopes=["submit"], rate_limit_per_minute=100
    )
    payload = json.dumps(request_payload(clinic, treatment))
    env = server_environment(tmp_path)
    port = free_port()
    server = _start_threaded_server(env, port)
    answers: list[tuple[int, str]] = []
    try:
        wait_until_up(port)
        start = threading.Barrier(10)

        def call() -> None:
            start.wait()
            answer = requests.post(
                f"http://127.0.0.1:{port}{URL}",
                data=payload,
                headers={
                    "Authorization": f"Bearer {partner.secret}",
                    "Idempotency-Key": "ten-at-once",
                    "Content-Type": "application/json",
                },
                timeout=120,
            )
            answers.append((answer.status_code, answer.text))

        threads = [threading.Thread(target=call) for _ in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        retry = requests.post(
            f"http://127.0.0.1:{port}{URL}",
            data=payload,
            headers={
                "Authorization": f"Bearer {partner.secret}",
                "Idempotency-Key": "ten-at-once",
                "Content-Type": "application/json",
            },
            timeout=120,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    statuses = sorted(status for status, _ in answers)
    assert set(statuses) <= {201, 409}, answers
    created = {text for status, text in answers if status == 201}
    assert len(created) == 1, statuses  # every 201 is the one stored response
    assert retry.status_code == 201 and retry.headers["Idempotent-Replayed"] == "true"
    assert retry.text in created
    if connection.vendor == "sqlite":
        with sqlite3.connect(env["SQLITE_PATH"]) as copy:
            count = copy.execute("SELECT COUNT(*) FROM consultations_consultationrequest").fetchone()[0]
    else:
        count = ConsultationRequest.objects.count()
    assert count == 1
    print(f"\n{connection.vendor}: ten parallel posts answered {statuses}")  # noqa: T201 - the figure for the report
