"""Rate limits hold across server processes: what make run and the README's recipes run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.personas import PASSWORD, make_user
from tests.servers import free_port, server_environment, start_server, wait_until_up


@pytest.fixture
def two_servers(transactional_db: None, tmp_path: Path, settings: Any) -> Iterator[list[str]]:
    # The servers run with the real hashers, so the password must be stored with one of them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    make_user("rosa.reader@example.org", "Rosa", "Reader")
    env = server_environment(tmp_path)
    ports = [free_port(), free_port()]
    processes = [start_server(env, port) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def sign_in(base: str, password: str) -> int:
    session = requests.Session()
    page = session.get(f"{base}/account/sign-in/", timeout=10).text
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match
    response = session.post(
        f"{base}/account/sign-in/",
        data={"csrfmiddlewaretoken": match[1], "email": "rosa.reader@example.org", "password": password},
        allow_redirects=False,
        timeout=10,
    )
    return response.status_code


def test_the_sixth_failed_sign_in_gets_429_on_either_server_process(two_servers: list[str]) -> None:
    first, second = two_servers
    statuses = [sign_in(base, "nope-nope-nope") for base in (first, second, first, second, first)]
    assert statuses == [400] * 5
    assert sign_in(second, PASSWORD) == 429
    assert sign_in(first, PASSWORD) == 429
    assert [sign_in(base, "nope-nope-nope") for base in (second, first)] == [429, 429]
