"""Personas and shared fixtures: the cast every test draws on, and the real services."""

from __future__ import annotations

import email
import os
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP, MEDICAL_REVIEWERS_GROUP, group

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses that
# unless told it is safe (the test thread is the only one touching the connection).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-42"


def make_user(email_address: str, first: str, last: str, **extra: Any) -> User:
    return User.objects.create_user(email_address, PASSWORD, first_name=first, last_name=last, **extra)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """PBKDF2's deliberate slowness buys nothing in tests; validators still run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploaded and generated images (demo heroes, renditions) never land in the checkout."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture(autouse=True)
def _clear_caches(request: pytest.FixtureRequest) -> Iterator[None]:
    """Rate limits and cached pages must not leak from one test into the next.

    The database cache (used when Redis is not configured) is cleared for tests that use the
    database; a test without database access cannot reach it anyway.
    """
    from django.core.cache.backends.db import DatabaseCache

    from cosmediclist.core.search import forget_vocabulary

    uses_database = bool({"db", "transactional_db", "live_server"} & set(request.fixturenames)) or bool(
        request.node.get_closest_marker("django_db")
    )
    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):
            cache.clear()
        elif uses_database:
            request.getfixturevalue("django_db_setup")
            with request.getfixturevalue("django_db_blocker").unblock():
                cache.clear()
    forget_vocabulary()
    yield


@pytest.fixture
def reader(db: None) -> User:
    return make_user("rosa.reader@example.org", "Rosa", "Reader")


@pytest.fixture
def patient(db: None) -> User:
    return make_user("pia.patient@example.org", "Pia", "Patient")


@pytest.fixture
def clinic_staff(db: None) -> User:
    return make_user("carl.staff@example.org", "Carl", "Staff")


@pytest.fixture
def other_clinic_staff(db: None) -> User:
    return make_user("olga.other@example.org", "Olga", "Other")


@pytest.fixture
def editor(db: None) -> User:
    user = make_user("edna.editor@example.org", "Edna", "Editor", is_staff=True)
    user.groups.add(group(EDITORS_GROUP))
    return user


@pytest.fixture
def medical_reviewer(db: None) -> User:
    user = make_user("mo.reviewer@example.org", "Mo", "Reviewer", is_staff=True)
    user.groups.add(group(MEDICAL_REVIEWERS_GROUP), group(EDITORS_GROUP))
    return user


@pytest.fixture
def admin(db: None) -> User:
    return User.objects.create_superuser(
        "ada.admin@example.org", PASSWORD, first_name="Ada", last_name="Admin"
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Email: a real SMTP server on a free loopback port.


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class SmtpSink:
    port: int
    envelopes: list[Any] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self) -> list[Message]:
        return [email.message_from_bytes(e.content) for e in self.envelopes]


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[SmtpSink]:
    from aiosmtpd.controller import Controller

    sink = SmtpSink(port=free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield sink
    finally:
        controller.stop()


def run_tasks(limit: int = 500) -> int:
    """Run every due background job with the worker's own code, then return how many ran.

    The worker's loop is not used because it closes database connections between jobs,
    which would end the test's transaction on PostgreSQL; claiming and running are the same.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        # Claimed in a transaction as the worker does: select_for_update needs one on PostgreSQL
        # when the test itself runs outside one (transactional browser tests).
        with transaction.atomic():
            job = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if job is None:
                break
            job.claim("test-worker")
        worker.run_task(job)
        ran += 1
    return ran


@pytest.fixture
def redis_cache(settings: Any) -> Iterator[None]:
    """Point the cache at the real Redis on loopback (started by the machine or .ci/run)."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "cml-test",
    }
    settings.CACHES = {"default": redis, "limits": redis}
    caches["default"].clear()
    yield
    caches["default"].clear()


# Browser tests: Playwright driving Debian's chromium, never a downloaded browser.

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }
