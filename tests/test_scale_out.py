"""Two app servers and two workers on one database, as the README's scale-out recipe runs them.

On PostgreSQL (make test-pg) both gunicorn servers use the test database itself; on SQLite they
share one copy of it in a file. Redis is not configured, so what must be shared goes through the
database (sessions, the page cache's generation, rate limits, the task queue); the recipe with
Redis shares the same things through it (tests/test_page_cache.py covers the Redis path).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from cosmediclist.catalog.models import Concern
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.core.tests.test_limits_across_processes import sign_in
from cosmediclist.directory.tests.factories import clinic_offering
from cosmediclist.reviews.tests.factories import approved_review
from tests.personas import PASSWORD, make_user
from tests.servers import ROOT, free_port, server_environment, start_server, wait_until_up


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1]


@pytest.fixture
def cluster(
    transactional_db: None, tmp_path: Path, settings: Any
) -> Iterator[tuple[dict[str, str], list[str]]]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    make_user("rosa.reader@example.org", "Rosa", "Reader")
    admin = make_user("ada.admin@example.org", "Ada", "Admin", is_staff=True, is_superuser=True)
    assert admin.pk
    Concern.objects.create(slug="stretch-marks", name="Stretch marks", summary="First summary.")
    staff = make_user("carl.clinic@example.org", "Carl", "Clinic")
    clinic = clinic_offering(mesotherapy(), staff=staff, slug="scale-clinic")
    approved_review(clinic, clinic.offers.get().treatment, staff=staff, editor=admin)
    env = server_environment(tmp_path)
    # Production static files: hashed names from one collectstatic (our own files; Wagtail's
    # admin assets are left out to keep the test short).
    env.update(TESTING="false", PAGE_CACHE="true", STATIC_ROOT=str(tmp_path / "static"))
    manage(env, "collectstatic", "--noinput", "-v0", "-i", "wagtail*", "-i", "admin", "-i", "ninja")
    ports = [free_port(), free_port()]
    processes = [start_server(env, port) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        yield env, [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def signed_in(base: str, email: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/account/sign-in/", timeout=30).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    response = session.post(
        f"{base}/account/sign-in/",
        data={"csrfmiddlewaretoken": token[1], "email": email, "password": PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302
    return session


def test_two_servers_share_sessions_cache_invalidation_limits_tasks_and_static_names(
    cluster: tuple[dict[str, str], list[str]],
) -> None:
    env, (first, second) = cluster

    # A session started on one server continues on the other.
    rosa = signed_in(first, "rosa.reader@example.org")
    profile = rosa.get(f"{second}/account/", timeout=30, allow_redirects=False)
    assert profile.status_code == 200 and "Rosa" in profile.text

    # Pages cached by each server for anonymous readers: a change made through the first (a
    # "helpful" vote on a review) shows on the second's cached page at the next request.
    url = "/concerns/stretch-marks/"
    for base in (first, second, first, second):
        assert "First summary." in requests.get(base + url, timeout=30).text
    clinic_url = "/clinics/scale-clinic/"
    assert "found this helpful" not in requests.get(second + clinic_url, timeout=30).text
    voter = requests.Session()
    page = voter.get(first + clinic_url, timeout=30).text
    form = re.search(
        r'action="(/reviews/[^"]+/helpful/)"><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"',
        page,
    )
    assert form
    voted = voter.post(
        first + form[1], data={"csrfmiddlewaretoken": form[2]}, allow_redirects=False, timeout=30
    )
    assert voted.status_code == 302
    assert "1 found this helpful" in requests.get(second + clinic_url, timeout=30).text

    # Rate limits count across both: five failures spread over the two, the sixth try is refused.
    statuses = [sign_in(base, "nope-nope-nope") for base in (first, second, first, second, first)]
    assert statuses == [400] * 5
    assert sign_in(second, PASSWORD) == 429

    # The same hashed static name on both.
    names = [
        re.findall(r"/static/css/site\.[0-9a-f]{12}\.css", requests.get(b + url, timeout=30).text)
        for b in (first, second)
    ]
    assert names[0] and names[0] == names[1]
    assert requests.get(first + names[0][0], timeout=30).headers["Cache-Control"].endswith("immutable")

    # Each task runs once though two workers poll the queue together.
    manage(
        env,
        "shell",
        "-c",
        "from cosmediclist.notifications.tasks import deliver_email\n"
        "for _ in range(12): deliver_email.enqueue(0)",
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    for worker in workers:
        assert worker.wait(timeout=300) == 0
    runs = json.loads(
        last_line(
            manage(
                env,
                "shell",
                "-c",
                "import json; from django_tasks_db.models import DBTaskResult\n"
                "print(json.dumps([[r.status, r.worker_ids] for r in DBTaskResult.objects.filter(task_path__endswith='deliver_email')]))",
            )
        )
    )
    assert len(runs) >= 12  # ours, and the emails the review setup queued
    assert all(status in {"SUCCESSFUL", "FAILED"} and len(ids) == 1 for status, ids in runs), runs
