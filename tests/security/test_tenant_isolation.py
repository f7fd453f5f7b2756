"""Tenant isolation, enumerated from the URL resolver and the OpenAPI schema.

Two clinics with one of everything (tests/security/tenant_world.py). Every URL pattern of the site
(outside Wagtail's and Django's admin, see below) and every operation of the partner API has a case
in tests/security/tenant_cases.py saying how to aim it at clinic B's data; a test fails naming any
endpoint without one.

1. Staff of clinic A, signed in (and with their clinic's API key for the API), try every method
   (GET, POST, PUT, PATCH, DELETE) on every object of clinic B: 404, exactly as for an object that
   does not exist (a 405 only when a missing object gets the same 405). Their own slug or reference
   in front of B's ids answers the same. Every list (inbox, plans of the week, portal home, the API's
   inbox and "my plans", exports) shows A's rows and none of B's private values. Afterwards every
   column of every row of every clinic-scoped table (found by following foreign keys to Clinic, plus
   the audit log's clinic id) that belongs to B is unchanged.

2. Health answers: the answer of B's patient carries a unique marker. Every role fetches every GET
   endpoint the cases build (pages and API; the API also with a key of each clinic): anonymous, a
   reader, another patient, the patient, staff of A, staff of B, an editor, a medical reviewer and an
   administrator (superuser), who also opens every list and B's every row in the Django admin. The
   product promises that the answers are seen by exactly two parties: the patient (signed in, or
   through their own signed links, which only the patient holds and so only the patient's run
   uses) and the staff of the clinic asked. Administrators get no view of answers: the consultation
   models are not in the Django admin and the portal shows administrators no clinic's inbox. The
   marker must appear for those two parties and for nobody else.

Wagtail's admin (/cms/) and /documents/ hold no clinic model (its snippets are the catalogue,
discussion, editorial, feedback and review moderation); the Django admin is covered by the
administrator's run of test 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin as django_admin
from django.db import models, transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import resolve, reverse

from cosmediclist.directory.models import Clinic
from tests.personas import client_for
from tests.security.figures import record
from tests.security.tenant_cases import API_CASES, URL_CASES, Case, Kind
from tests.security.tenant_world import HEALTH_MARKER, World, build_world
from tests.security.urls import endpoints, resolves_to

METHODS = ("get", "post", "put", "patch", "delete")
NOT_SITE = ("/cms/", "/django-admin/", "/documents/")
API_PREFIX = "/api/v1/"
API_PAGES = {"api-v1:openapi-json", "api-v1:openapi-view"}
# Mounted only when Django serves /media/ itself (DEBUG or SERVE_MEDIA; not in tests).
SOMETIMES_MOUNTED = {"cosmediclist.directory.media.serve_media"}
# What a hijacking POST sends: a value for every field of every portal form that could change B.
HIJACK = {
    "name": "Hijacked",
    "email": "hijacker@example.org",
    "body": "Hijacked",
    "to_status": "closed",
    "status": "closed",
    "decision": "declined",
    "note": "Hijacked",
    "reason": "Hijacked",
    "url": "https://hijack.example.org/",
    "events": ["review.published"],
    "scopes": ["inbox"],
    "price_from_gbp": "1",
    "verified": "0",
    "starts_at": "2030-01-01T10:00",
}


# Enumeration


def site_endpoints() -> dict[str, str]:
    """View name -> a sample path, for every URL pattern of the site outside the admins."""
    found = {}
    for endpoint in endpoints():
        if endpoint.path.startswith(NOT_SITE) or not resolves_to(endpoint):
            continue
        found[resolve(endpoint.path).view_name] = endpoint.path
    return found


def api_operations(client: Client) -> dict[str, tuple[str, str]]:
    """operationId -> (method, path) for every operation in the published OpenAPI schema."""
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    return {
        operation["operationId"]: (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }


@pytest.mark.django_db
def test_every_endpoint_has_a_case() -> None:
    site = site_endpoints()
    operations = api_operations(Client())
    pages = {name for name, path in site.items() if not path.startswith(API_PREFIX) or name in API_PAGES}
    operation_names = {name for name, path in site.items() if path.startswith(API_PREFIX)} - API_PAGES
    assert sorted(pages - URL_CASES.keys()) == [], "URL patterns without a tenant-isolation case"
    assert sorted(URL_CASES.keys() - pages - SOMETIMES_MOUNTED) == [], (
        "cases for URL patterns that no longer exist"
    )
    assert sorted(operations.keys() - API_CASES.keys()) == [], "API operations without a case"
    assert sorted(API_CASES.keys() - operations.keys()) == [], "cases for API operations that no longer exist"
    # Every URL pattern of the API is an operation of the schema (so the API cases cover them all).
    unpublished = {
        name for name in operation_names if not any(op.endswith(name.split(":")[-1]) for op in operations)
    }
    assert unpublished == set()
    assert len(pages) > 120 and len(operations) > 20


# Rows of clinic B


def _path_to_clinic(model: type[models.Model], depth: int = 0) -> str | None:
    """The shortest lookup from ``model`` to its clinic's id, following foreign keys (None: none)."""
    if model is Clinic:
        return "pk"
    if depth > 3:
        return None
    best: str | None = None
    for field in model._meta.concrete_fields:
        if field.name == "clinic_id" and isinstance(field, models.BigIntegerField):
            return "clinic_id"  # the audit log keeps the clinic's id without a foreign key
        if not field.is_relation or field.related_model is None:
            continue
        target = field.related_model
        if target is Clinic:
            return field.name
        if target._meta.app_label in {"accounts", "catalog", "editorial"}:
            continue  # people, treatments and pages are not a clinic's
        sub = _path_to_clinic(target, depth + 1)
        if sub is not None and (best is None or sub.count("__") + 1 < best.count("__")):
            best = f"{field.name}__{sub}" if sub != "pk" else field.name
    return best


def clinic_scoped_models() -> dict[type[models.Model], str]:
    scoped = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.app_config.name.startswith("cosmediclist"):
            continue
        lookup = _path_to_clinic(model)
        if lookup is not None:
            scoped[model] = lookup
    return scoped


def rows_of(clinic: Clinic) -> dict[tuple[str, Any], str]:
    """Every column of every row that belongs to ``clinic``, keyed by (table, primary key)."""
    snapshot: dict[tuple[str, Any], str] = {}
    for model, lookup in clinic_scoped_models().items():
        columns = [f.attname for f in model._meta.concrete_fields]
        for row in model._default_manager.filter(**{lookup: clinic.pk}).values_list(*columns):
            snapshot[(model._meta.db_table, row[columns.index(model._meta.pk.attname)])] = repr(row)
    return snapshot


def test_every_clinic_table_is_in_the_snapshot() -> None:
    tables = {model._meta.model_name for model in clinic_scoped_models()}
    expected = {
        "clinic", "practitioner", "offer", "openinghours", "clinicphoto", "clinicmembership",
        "consultationrequest", "intakeanswer", "requestnote", "clinicalreview", "changerequest",
        "treatmentplan", "plannedsession", "reminder", "review", "reviewreply", "reviewinvitation",
        "sideeffectreport", "outcomecheckin", "clinicrating", "verdicttally", "apikey",
        "webhookendpoint", "webhookdelivery", "webhookattempt", "auditevent",
    }  # fmt: skip
    assert expected <= tables, expected - tables


# Calling


def call(client: Client, method: str, url: str, headers: dict[str, str] | None = None) -> Any:
    headers = headers or {}
    response: Any
    if method == "get":
        response = client.get(url, headers=headers)
    elif url.startswith(API_PREFIX):
        response = getattr(client, method)(url, data="{}", content_type="application/json", headers=headers)
    elif method == "post":
        response = client.post(url, HIJACK, headers=headers)
    else:
        response = getattr(client, method)(url, data="name=Hijacked", headers=headers)
    return response


def leaked(response: HttpResponse, markers: list[str], url: str) -> list[str]:
    """B's private values in the body (those the URL itself carries do not count)."""
    body = response.content.decode(errors="replace").lower()
    return [m for m in markers if m.lower() in body and m.lower() not in url.lower()]


class Attacker:
    """Staff of clinic A: a signed-in session, and their clinic's API key for the API."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.session = client_for(world.staff_a)
        self.calls = 0
        self.problems: list[str] = []

    def clients(self, url: str) -> Iterator[tuple[Client, dict[str, str]]]:
        yield self.session, {}
        if url.startswith(API_PREFIX):
            yield Client(), {"Authorization": f"Bearer {self.world.key_a}"}

    def send(self, method: str, url: str) -> list[tuple[int, list[str]]]:
        answers = []
        for client, headers in self.clients(url):
            response = call(client, method, url, headers)
            self.calls += 1
            answers.append((response.status_code, leaked(response, self.world.b_markers, url)))
        return answers

    def status(self, method: str, url: str) -> list[int]:
        return [status for status, _ in self.send(method, url)]

    def check(self, name: str, case: Case) -> None:
        world = self.world
        if case.kind in (Kind.OBJECT, Kind.ROLE):
            targets = [world.b, world.cross] if case.crosses else [world.b]
            for target in targets:
                for url, missing in zip(
                    case.urls(world, target), case.urls(world, world.missing), strict=True
                ):
                    for method in METHODS:
                        self._object(name, case, method, url, missing)
        elif case.kind is Kind.CREDENTIAL:
            for url in case.urls(world, world.b):
                for method in METHODS:
                    for status, markers in self.send(method, url):
                        if not 400 <= status < 500 or markers:
                            self.problems.append(f"{name}: {method.upper()} {url} -> {status} {markers}")
        elif case.kind is Kind.LIST:
            seen_own, ok = False, False
            for url in case.urls(world, world.b):
                for client, headers in self.clients(url):
                    response = call(client, "get", url, headers)
                    self.calls += 1
                    ok = ok or response.status_code == 200
                    seen_own = seen_own or case.own_marker(world) in response.content.decode(errors="replace")
                    if markers := leaked(response, world.b_markers, url):
                        self.problems.append(f"{name}: GET {url} shows B's {markers}")
            if not ok or (case.own and not seen_own):
                self.problems.append(f"{name}: the list did not answer 200 with A's own rows")
        elif case.get:
            for url in case.urls(world, world.b):
                for status, markers in self.send("get", url):
                    if markers or status >= 500:
                        self.problems.append(f"{name}: GET {url} -> {status} shows B's {markers}")

    def _object(self, name: str, case: Case, method: str, url: str, missing: str) -> None:
        for status, markers in self.send(method, url):
            if markers:
                self.problems.append(f"{name}: {method.upper()} {url} -> {status} shows B's {markers}")
            if case.kind is Kind.OBJECT and status == 404:
                continue
            like_missing = status in self.status(method, missing)
            if case.kind is Kind.OBJECT and status == 405 and like_missing:
                continue  # the method is refused before any lookup, for any object
            if case.kind is Kind.ROLE and like_missing and not 200 <= status < 300:
                continue  # a role A lacks: refused exactly as for a missing object
            self.problems.append(f"{name}: {method.upper()} {url} -> {status}")


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """One world for the module's tests, made in a transaction that is rolled back afterwards (each
    test runs in a savepoint inside it, so what one test changes the next does not see)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_staff_of_another_clinic_reach_nothing_of_it(world: World) -> None:
    before = rows_of(world.clinic_b)
    attacker = Attacker(world)
    for name, case in {**URL_CASES, **API_CASES}.items():
        attacker.check(name, case)
    after = rows_of(world.clinic_b)
    changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
    record(
        "Tenant isolation",
        endpoints_enumerated=len(URL_CASES) + len(API_CASES),
        calls_as_other_clinic=attacker.calls,
        leaks=len(attacker.problems),
        rows_of_other_clinic=len(before),
        rows_changed=len(changed),
    )
    assert not attacker.problems, "\n".join(attacker.problems)
    assert not changed, changed
    assert len(before) > 60  # the world has rows in every clinic table


# Health answers


def get_urls(world: World, *, holder: bool) -> list[str]:
    """Every URL the cases build for a GET; the patient's own signed links when ``holder``."""
    urls: list[str] = []
    for case in (*URL_CASES.values(), *API_CASES.values()):
        if case.get:
            urls += case.urls(world, world.b)
        if holder:
            urls += case.holder_urls(world)
    return urls


def django_admin_urls(world: World) -> list[str]:
    """The Django admin's index, every list, and for each model of a clinic it offers, the change
    page of B's newest row (the page shows the same fields for every row of the model)."""
    urls = ["/django-admin/"]
    scoped = clinic_scoped_models()
    for model in django_admin.site._registry:
        opts = model._meta
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        if model in scoped:
            rows = model._default_manager.filter(**{scoped[model]: world.clinic_b.pk}).order_by("-pk")
            pk = rows.values_list("pk", flat=True).first()
            assert pk is not None, f"clinic B has no {opts.model_name}"
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk]))
    return urls


@pytest.mark.django_db
def test_health_answers_reach_exactly_the_patient_and_their_clinic(world: World) -> None:
    roles: dict[str, tuple[Client, dict[str, str]]] = {
        "anonymous": (Client(), {}),
        "reader": (client_for(world.reader), {}),
        "another patient": (client_for(world.other_patient), {}),
        "the patient": (client_for(world.patient), {}),
        "staff of clinic A": (client_for(world.staff_a), {}),
        "staff of clinic B": (client_for(world.staff_b), {}),
        "editor": (client_for(world.editor), {}),
        "medical reviewer": (client_for(world.medical_reviewer), {}),
        "administrator": (client_for(world.admin), {}),
        "API key of clinic A": (Client(), {"Authorization": f"Bearer {world.key_a}"}),
        "API key of clinic B": (Client(), {"Authorization": f"Bearer {world.key_b}"}),
    }
    seen: dict[str, list[str]] = {}
    fetched = 0
    for role, (client, headers) in roles.items():
        urls = get_urls(world, holder=role == "the patient")
        if headers:
            urls = [url for url in urls if url.startswith(API_PREFIX)]
        if role == "administrator":
            urls += django_admin_urls(world)
        for url in urls:
            response = client.get(url, headers=headers)
            fetched += 1
            if HEALTH_MARKER in response.content.decode(errors="replace"):
                seen.setdefault(role, []).append(url)
    record(
        "Tenant isolation",
        roles_checked=len(roles),
        health_fetches=fetched,
        health_leaks=len(seen.keys() - {"the patient", "staff of clinic B"}),
        answer_pages_of_patient=len(seen.get("the patient", [])),
        answer_pages_of_clinic=len(seen.get("staff of clinic B", [])),
    )
    assert sorted(seen) == ["staff of clinic B", "the patient"], seen
