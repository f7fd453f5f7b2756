"""Personas and shared fixtures: the cast every test draws on, and the real services."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP, MEDICAL_REVIEWERS_GROUP, group
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import thames, wellcare
from cosmediclist.editorial.tests.factories import wagtail_roots
from tests.personas import PASSWORD, make_user
from tests.servers import free_port
from tests.smtp import SmtpSink

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses that
# unless told it is safe (the test thread is the only one touching the connection).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Every test logs at DEBUG and fails if its log holds personal data or a secret (tests/log_guard.py).
pytest_plugins = ["tests.log_guard"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """PBKDF2's deliberate slowness buys nothing in tests; validators still run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploaded and generated images (demo heroes, renditions) never land in the checkout."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture(autouse=True)
def _page_cache_off_unless_asked(request: pytest.FixtureRequest, settings: Any) -> None:
    """Tests see freshly rendered pages (and pin their queries) unless marked ``page_cache``;
    the data cache of rarely changing blocks is on with it, or alone when marked ``data_cache``."""
    settings.PAGE_CACHE = bool(request.node.get_closest_marker("page_cache"))
    settings.DATA_CACHE = settings.PAGE_CACHE or bool(request.node.get_closest_marker("data_cache"))


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
    if uses_database:
        request.getfixturevalue("django_db_setup")
        with request.getfixturevalue("django_db_blocker").unblock():
            # A transactional test ends by flushing every table, the root page, locale and
            # collection that Wagtail's migrations made included: put them back (committed, so
            # that they stay) before the next test that uses the database.
            if Page.get_first_root_node() is None:
                wagtail_roots()
                # Making the root page enqueues search-index jobs, committed here: drop them so
                # that the test starts with an empty queue, as after any flush.
                DBTaskResult.objects.all().delete()
    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):
            cache.clear()
        elif uses_database:
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


# The persona clinics: Carl's in Manchester and Olga's in London, both offering mesotherapy.


@pytest.fixture
def treatment(db: None) -> Treatment:
    """Mesotherapy, with its screening questions and aftercare: the treatment both persona clinics offer."""
    return mesotherapy()


@pytest.fixture
def clinic(clinic_staff: User, treatment: Treatment) -> Clinic:
    """Wellcare Medical Centre in Manchester, owned by clinic_staff."""
    return wellcare(staff=clinic_staff, treatment=treatment)


@pytest.fixture
def other_clinic(other_clinic_staff: User, treatment: Treatment) -> Clinic:
    """Thames Skin Rooms in London, owned by other_clinic_staff."""
    return thames(staff=other_clinic_staff, treatment=treatment)


# Signing in: in tests, ``force_login`` stands for a complete sign-in, second factor included, so
# that tests of the portal, the CMS and the admin are not about signing in. Tests of the second
# factor itself sign in through the pages, or with ``password_only``.

_django_force_login = Client.force_login


def _force_login(self: Client, user: Any, backend: str | None = None, *, second_factor: bool = True) -> None:
    from cosmediclist.accounts.second_factor import VERIFIED_SESSION_KEY

    _django_force_login(self, user, backend)
    if second_factor:
        session = self.session
        session[VERIFIED_SESSION_KEY] = "test-sign-in"
        session.save()


Client.force_login = _force_login  # type: ignore[method-assign,assignment]


# Email: a real SMTP server on a free loopback port.


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
