"""Input validation, enumerated: every form, every API body, every query parameter.

* Forms: every form class of the project (found by walking ``cosmediclist.*``) has a page in
  ``tests.security.inputs.FORM_CASES``. Every naughty string goes into every text field (hidden
  ones included), through the field and the form's clean_<name>() as the page built them, the
  other fields valid: nothing raises, and an invalid value is shown again as typed. Over HTTP
  (test Client, every middleware), each page is posted a slice of the strings (a different
  slice per page) in all its text fields at once, as the right persona with its CSRF token:
  never a 5xx, and a re-shown form holds what was typed. The whole cross product over HTTP
  (~24,000 POSTs at 15-800 ms each on this machine) would not fit the time budget.
* API: every JSON body of /api/v1/openapi.json gets naughty strings in each string property
  (every API_STRIDE-th string, the others valid): a 2xx, or a JSON 4xx naming the field.
* Query parameters: every GET page of the project and every API read gets SQL-injection and
  path-traversal strings in the parameters the code reads (one string per parameter per request,
  rotating): no 5xx, no database error text, no row changed.
* Open redirects and CR/LF: ``next``-style parameters never send the browser to another host,
  and no parameter can add a header.
"""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from django import forms
from django.core.cache import caches
from django.http import QueryDict
from django.test import Client
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from cosmediclist.core.forms import PlainTextInput, _clean_value, _is_secret
from tests.corpora import lines, naughty_strings
from tests.personas import PASSWORD, client_for, password_only
from tests.security.figures import record
from tests.security.inputs import (
    FORM_CASES,
    FormCase,
    World,
    author_cookie,
    is_echoed,
    is_text_field,
    iter_context_forms,
    make_world,
    page_forms,
    project_forms,
    shown_as_typed,
)

# Over HTTP, each page gets every case.stride-th string (a different slice per page, so that
# every string reaches the site over HTTP); the form-level pass covers every string in every
# field. One POST costs 15-800 ms on this machine (88 ms on average): the full cross product
# (~24,000 POSTs) would take over half an hour.

DATABASE_ERRORS = re.compile(
    r"syntax error|sqlite3?|psycopg|OperationalError|ProgrammingError|DataError|IntegrityError"
    r"|unterminated quoted|near \"|Traceback",
    re.I,
)


def clear_caches() -> None:
    """Rate limits live in the cache: clear it so that every request reaches the form."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def world(
    reader: Any,
    patient: Any,
    clinic_staff: Any,
    editor: Any,
    medical_reviewer: Any,
    admin: Any,
    treatment: Any,
    clinic: Any,
) -> World:
    users = {
        "reader": reader,
        "patient": patient,
        "clinic_staff": clinic_staff,
        "editor": editor,
        "medical_reviewer": medical_reviewer,
        "admin": admin,
    }
    return make_world(users, treatment, clinic)


def client_as(world: World, persona: str | None) -> Client:
    if persona is None:
        return Client()
    if persona == "comment_author":
        client = Client()
        name, value = author_cookie()
        client.cookies[name] = value
        return client
    name, _, how = persona.partition(":")
    if how == "password":
        client = Client()
        password_only(client, world.users[name])
        return client
    return client_for(world.users[name])


# ---------------------------------------------------------------------------------------------
# Forms


def rebind(form: forms.BaseForm, data: QueryDict) -> forms.BaseForm:
    """``form`` (as the page built it: its fields, choices, instance) bound to ``data``, with the
    site's control-character stripping applied as core.forms.PlainTextInput does."""
    bound = copy.copy(form)
    bound.fields = form.fields  # read, never changed, by validating and rendering
    bound._bound_fields_cache = {}  # type: ignore[attr-defined]
    bound.is_bound = True
    bound._errors = None  # type: ignore[attr-defined]
    bound.files = MultiValueDict()
    bound.__dict__.pop("cleaned_data", None)
    if isinstance(form, forms.BaseModelForm) and isinstance(bound, forms.BaseModelForm):
        bound.instance = copy.copy(form.instance)
    if isinstance(form, PlainTextInput):
        secret = {form.add_prefix(n) for n, f in form.fields.items() if _is_secret(f)}
        cleaned = data.copy()
        for key, values in data.lists():
            if key not in secret:
                cleaned.setlist(key, [_clean_value(v) for v in values])
        data = cleaned
    bound.data = data
    return bound


def check_field(form: forms.BaseForm, baseline: forms.BaseForm, name: str, value: str) -> tuple[bool, str]:
    """Validate ``value`` in field ``name`` as full_clean() would (the field, then the form's
    clean_<name>), the other fields' values taken from ``baseline``; return whether it passed
    and, when it did not, the field as the re-shown form renders it. The form-wide clean() runs
    in the HTTP pass."""
    key = form.add_prefix(name)
    data = QueryDict(mutable=True)
    data.update(baseline.data)
    data.setlist(key, [value])
    bound = rebind(form, data)
    bound.cleaned_data = dict(getattr(baseline, "cleaned_data", {}))
    bound._errors = forms.utils.ErrorDict()  # type: ignore[attr-defined]
    field = bound.fields[name]
    try:
        raw = field.widget.value_from_datadict(bound.data, bound.files, key)
        bound.cleaned_data[name] = field.clean(raw)
        hook = getattr(bound, f"clean_{name}", None)
        if hook is not None:
            bound.cleaned_data[name] = hook()
    except forms.ValidationError as error:
        bound._errors = forms.utils.ErrorDict({name: bound.error_class(error.error_list)})  # type: ignore[attr-defined]
        return False, str(bound[name])
    return True, ""


def the_form(response: Any, cls: type[forms.BaseForm]) -> forms.BaseForm | None:
    return next((f for f in iter_context_forms(response) if isinstance(f, cls)), None)


def as_query(values: dict[str, Any]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in values.items():
        query.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query


def base_data(case: FormCase, world: World, form: forms.BaseForm, html: str) -> dict[str, Any]:
    """What a browser would send: the page's own form (the one holding this form's fields, at the
    case's action), with the case's valid values on top."""
    names = {form.add_prefix(n) for n in form.fields}
    action = case.action_url(world).split("?")[0]
    candidates = [
        f for f in page_forms(html) if names & f.names and (not f.action or f.action.split("?")[0] == action)
    ]
    data: dict[str, Any] = {}
    if candidates:
        best = max(candidates, key=lambda f: len(names & f.names))
        data = {k: v if len(v) > 1 else v[0] for k, v in best.fields.items()}
    data.pop("csrfmiddlewaretoken", None)
    data.update(case.data(world))
    return data


def text_fields(form: forms.BaseForm) -> list[str]:
    return [name for name, f in form.fields.items() if is_text_field(f)]


@pytest.mark.django_db
def test_every_form_class_has_a_page() -> None:
    cases = {case.form for case in FORM_CASES}
    assert sorted(set(project_forms()) - cases) == []
    assert sorted(cases - set(project_forms())) == []


@pytest.mark.django_db
def test_every_naughty_string_in_every_text_field(world: World) -> None:
    classes = project_forms()
    strings = naughty_strings()
    fields_seen = posts = checks = 0
    problems: list[str] = []
    per_request: list[float] = []
    for index, case in enumerate(FORM_CASES):
        cls = classes[case.form]
        client = client_as(world, case.user)
        clear_caches()
        shown = client.get(case.page(world))
        form = the_form(shown, cls) if shown.status_code == 200 else None
        if form is None:
            problems.append(f"{case.form}: GET {case.page(world)} -> {shown.status_code} without the form")
            continue
        names = text_fields(form)
        if not names:
            continue
        fields_seen += len(names)
        valid = base_data(case, world, form, shown.content.decode())

        # Every string in every field, through the field and its clean_<name>() as the page's
        # form has them, the other fields' cleaned values at hand.
        baseline = rebind(form, as_query(valid))
        baseline.is_valid()
        for name in names:
            for value in strings:
                checks += 1
                try:
                    ok, html = check_field(form, baseline, name, value)
                except Exception as error:
                    problems.append(f"{case.form}.{name} = {value!r}: {type(error).__name__}: {error}")
                    continue
                if not ok and must_show(case, form, name) and shown_as_typed(form, value) not in html:
                    problems.append(f"{case.form}.{name} = {value!r}: not shown again")

        # Over HTTP: a slice of the strings, one per text field per request, rotating.
        method = "get" if isinstance(form, forms.Form) and _is_get_form(shown, form) else "post"
        action = case.action_url(world)
        for start in range(index % case.stride, len(strings), case.stride):
            typed = {
                form.add_prefix(n): strings[(start + i * case.stride) % len(strings)]
                for i, n in enumerate(names)
            }
            clear_caches()
            began = time.perf_counter()
            response = getattr(client, method)(action, {**valid, **typed})
            per_request.append(time.perf_counter() - began)
            posts += 1
            if response.status_code >= 500:
                problems.append(f"{case.form}: {method.upper()} {action} {typed!r} -> {response.status_code}")
                continue
            again = the_form(response, cls)
            if again is None or not again.is_bound or not again.errors:
                continue
            content = response.content.decode()
            for key, value in typed.items():
                name = key.removeprefix(f"{form.prefix}-") if form.prefix else key
                if must_show(case, form, name) and shown_as_typed(again, value) not in content:
                    problems.append(f"{case.form}.{name} over HTTP = {value!r}: not shown again")
    record(
        "Validation",
        forms=len(classes),
        form_fields=fields_seen,
        naughty_checks=checks,
        naughty_posts=posts,
        server_errors=sum("-> 5" in p for p in problems),
    )
    print(f"{posts} requests, {sum(per_request) / max(len(per_request), 1) * 1000:.1f} ms each")  # noqa: T201
    assert problems == [], "\n".join(problems[:40]) + f"\n… {len(problems)} in all"
    assert checks > 15_000


def must_show(case: FormCase, form: forms.BaseForm, name: str) -> bool:
    return is_echoed(form.fields[name]) and name not in case.not_echoed


def _is_get_form(response: Any, form: forms.BaseForm) -> bool:
    names = {form.add_prefix(n) for n in form.fields}
    found = [f for f in page_forms(response.content.decode()) if names & f.names]
    return bool(found) and all(f.method == "get" for f in found)


# ---------------------------------------------------------------------------------------------
# Query parameters, redirects, CR/LF

SOURCE_PARAMETER = re.compile(r"GET(?:\.get|\.getlist)?[(\[]\s*\"([A-Za-z_][\w-]*)\"")
COMMON_PARAMETERS = {"q", "page", "sort", "near", "treatment", "next", "concern", "area", "status", "t"}
NEXT_PARAMETERS = ("next", "return", "return_to", "redirect", "redirect_to", "back", "continue", "url")
THIRD_PARTY = ("/cms/", "/django-admin/", "/documents/", "/api/")
CRLF_STRINGS = [
    "x\r\nSet-Cookie: injected=1",
    "x\rSet-Cookie: injected=1",
    "x\nX-Injected: 1",
    "%0d%0aSet-Cookie: injected=1",
    "x%0D%0AX-Injected:%201",
    "x\u560a\u560dX-Injected: 1",  # UTF-8 bytes whose low halves are CR and LF
    "x\u2028X-Injected: 1",
]


def read_parameters() -> list[str]:
    """Every query parameter a view of the project reads by name, plus the GET forms' fields
    and the usual suspects."""
    from pathlib import Path

    import cosmediclist

    names = set(COMMON_PARAMETERS)
    for source in Path(cosmediclist.__path__[0]).rglob("*.py"):
        if "/tests/" not in str(source):
            names.update(SOURCE_PARAMETER.findall(source.read_text()))
    classes = project_forms()
    for dotted in (
        "catalog.forms.TreatmentFilterForm",
        "catalog.forms.CompareForm",
        "directory.forms.SearchForm",
    ):
        names.update(getattr(classes[f"cosmediclist.{dotted}"], "base_fields", {}))
    return sorted(names)


def own_get_endpoints() -> list[str]:
    from tests.security.urls import endpoints, resolves_to

    found = []
    for endpoint in endpoints():
        module = getattr(endpoint.callback, "__module__", "") or ""
        if endpoint.path.startswith(THIRD_PARTY) or not resolves_to(endpoint):
            continue
        if module.startswith("cosmediclist") or endpoint.path == "/":
            found.append(endpoint.path)
    return sorted(set(found))


def persona_for(path: str) -> str | None:
    if path.startswith("/portal/"):
        return "clinic_staff"
    if path.startswith("/moderation/"):
        return "editor"
    if path.startswith("/account/"):
        return "reader"
    return None


def probes(strings: list[str], names: list[str], stride: int, offset: int) -> Iterator[dict[str, str]]:
    """Query strings carrying one string per parameter, rotating: over len(strings)/stride
    requests, each parameter gets every stride-th string."""
    for start in range(offset % stride, len(strings), stride):
        yield {name: strings[(start + i * stride) % len(strings)] for i, name in enumerate(names)}


QUERY_STRIDE = 101


@pytest.mark.django_db
def test_sql_injection_and_traversal_in_every_query_parameter(world: World) -> None:
    from tests.security.inputs import changed_tables, snapshot

    strings = lines("sqli-generic.txt") + lines("path-traversal.txt")
    names = read_parameters()
    paths = own_get_endpoints()
    clients = {p: client_as(world, p) for p in {persona_for(path) for path in paths}}
    # A first plain visit may make a row the page needs (default email preferences, a pending
    # authenticator): visit each page once before taking the snapshot.
    from cosmediclist.api import keys
    from cosmediclist.api.models import ApiKey
    from cosmediclist.core.models import AuditEvent

    key = keys.create_key(actor=world.users["admin"], name="Probe", scopes=["read"])
    first_audit = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for path in paths:
        clients[persona_for(path)].get(path)
    last_audit = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    # A key's last use is written at most once a minute, and the probes use it for minutes: dated
    # ahead, the probes' own use of the key writes nothing, so any change is the probes' doing.
    ApiKey.objects.filter(pk=key.key.pk).update(last_used_at=timezone.now() + timedelta(days=1))
    audited_by_visits = set(AuditEvent.objects.filter(pk__gt=first_audit).values_list("action", flat=True))
    before = snapshot()
    sent, problems = 0, []
    per_name: dict[str, set[str]] = {name: set() for name in names}
    for index, path in enumerate(paths):
        client = clients[persona_for(path)]
        for query in probes(strings, names, QUERY_STRIDE, index):
            clear_caches()
            response = client.get(path, query)
            sent += 1
            for name, value in query.items():
                per_name[name].add(value)
            body = response.content.decode(errors="replace") if not response.streaming else ""
            if response.status_code >= 500:
                problems.append(f"GET {path} {query!r} -> {response.status_code}")
            elif match := DATABASE_ERRORS.search(body):
                problems.append(f"GET {path}: database error text {match.group(0)!r}")
    # The API's GET operations, with the query parameters each declares, as a partner with a key.
    api_operations = 0
    for index, (path, item) in enumerate(openapi(Client())["paths"].items()):
        operation = item.get("get")
        if operation is None:
            continue
        api_operations += 1
        declared = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
        concrete = re.sub(r"\{[^}]+\}", "sample", path)
        for query in probes(strings, [*declared, "q", "page"], QUERY_STRIDE, index):
            clear_caches()
            response = Client().get(concrete, query, HTTP_AUTHORIZATION=f"Bearer {key.secret}")
            sent += 1
            if response.status_code >= 500:
                problems.append(f"GET {concrete} {query!r} -> {response.status_code}")
            elif match := DATABASE_ERRORS.search(response.content.decode(errors="replace")):
                problems.append(f"GET {concrete}: database error text {match.group(0)!r}")
    after = snapshot()
    # Requests may write their own bookkeeping (sessions, the database cache, rate-limit rows,
    # task queue): those tables are named; every other table is unchanged.
    changed = [t for t in changed_tables(before, after) if t not in BOOKKEEPING_TABLES]
    # The audit log only grows, and only by what a plain visit records too (pages that audit
    # every view of personal data).
    audited_by_probes = set(AuditEvent.objects.filter(pk__gt=last_audit).values_list("action", flat=True))
    assert audited_by_probes <= audited_by_visits, audited_by_probes - audited_by_visits
    record(
        "Validation",
        query_endpoints=len(paths),
        query_api_operations=api_operations,
        query_parameters=len(names),
        query_probes=sent,
        query_strings=len(strings),
        query_strings_per_parameter=min(len(v) for v in per_name.values()),
        rows_changed=len(changed),
    )
    assert problems == [], "\n".join(problems[:40])
    assert changed == []
    assert len(paths) > 60


# Sessions, the rate limits' database cache, and the audit log (checked on its own).
BOOKKEEPING_TABLES = {"django_session", "cosmediclist_limits", "core_auditevent"}


@pytest.mark.django_db
def test_next_parameters_never_send_the_browser_to_another_host(world: World) -> None:
    targets = lines("open-redirect.txt")
    paths = own_get_endpoints()
    sent, problems = 0, []
    anonymous = Client()
    # Every page, with every next-style name set to a target (a different one per page).
    for index, path in enumerate(paths):
        client = client_as(world, persona_for(path)) if persona_for(path) else anonymous
        query = {name: targets[(index + i) % len(targets)] for i, name in enumerate(NEXT_PARAMETERS)}
        clear_caches()
        response = client.get(path, query)
        sent += 1
        problems += offsite(response, f"GET {path} {query!r}")
    # The views that follow a next= (found by reading the source: accounts' safe_next and the
    # comment form's next), with every target: signing in (password, then code), the sign-in
    # doors of the CMS and the admin, posting a comment.
    reviewer = world.users["medical_reviewer"]
    for target in targets:
        clear_caches()
        fresh = Client()
        response = fresh.post(
            "/account/sign-in/?next=" + quote(target),
            {"email": world.users["reader"].email, "password": PASSWORD, "next": target},
        )
        problems += offsite(response, f"sign in, next={target!r}")
        halfway = Client()
        password_only(halfway, reviewer)
        response = halfway.post(
            f"/account/sign-in/code/?next={quote(target)}", {"code": "000000", "next": target}
        )
        problems += offsite(response, f"sign-in code, next={target!r}")
        response = anonymous.post(
            f"/comments/{world.page.pk}/post/", {**_comment_data_for(world), "next": target}
        )
        problems += offsite(response, f"comment, next={target!r}")
        sent += 3
        for door in ("/cms/login/", "/django-admin/login/"):
            response = anonymous.get(door, {"next": target})
            sent += 1
            problems += offsite(response, f"{door} next={target!r}")
    record("Validation", redirect_probes=sent, open_redirects=len(problems))
    assert problems == [], "\n".join(problems[:40])


def _comment_data_for(world: World) -> dict[str, Any]:
    from cosmediclist.discussion.tests.factories import form_data

    return form_data()


def offsite(response: Any, label: str) -> list[str]:
    if response.status_code >= 500:
        return [f"{label} -> {response.status_code}"]
    location = response.headers.get("Location")
    if location is None:
        return []
    as_browser = location.replace("\\", "/").strip().lstrip("\t\n\r ")
    parts = urlsplit(as_browser)
    if parts.scheme not in {"", "http", "https"} or parts.netloc not in {"", "testserver"}:
        return [f"{label} -> Location {location!r}"]
    return []


@pytest.mark.django_db
def test_cr_lf_in_any_parameter_never_adds_a_header(world: World) -> None:
    names = read_parameters()
    paths = own_get_endpoints()
    sent, problems = 0, []
    for path in paths:
        client = client_as(world, persona_for(path))
        # One request per page: each CR/LF string in several parameters at once.
        query = {name: CRLF_STRINGS[i % len(CRLF_STRINGS)] for i, name in enumerate(names)}
        clear_caches()
        response = client.get(path, query)
        sent += 1
        label = f"GET {path} with {query!r}"
        if response.status_code >= 500:
            problems.append(f"{label} -> {response.status_code}")
        if "injected" in response.cookies or "X-Injected" in response.headers:
            problems.append(f"{label}: header added")
        if any("\r" in v or "\n" in v for v in response.headers.values()):
            problems.append(f"{label}: a header holds CR or LF")
    # The next-following views, with every CR/LF string in next=.
    for value in CRLF_STRINGS:
        for door in ("/account/sign-in/", "/cms/login/", "/django-admin/login/"):
            response = Client().get(door, {"next": "/" + value})
            sent += 1
            if (
                "injected" in response.cookies
                or "X-Injected" in response.headers
                or response.status_code >= 500
            ):
                problems.append(f"{door} next={value!r}: {response.status_code}, header added?")
    record("Validation", crlf_probes=sent)
    assert problems == [], "\n".join(problems[:40])


# ---------------------------------------------------------------------------------------------
# The API

API_STRIDE = 43


def openapi(client: Client) -> dict[str, Any]:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec: dict[str, Any] = response.json()
    return spec


def api_bodies(world: World) -> dict[str, Any]:
    """A valid JSON body for each API operation that takes one (a test fails for one without)."""
    from cosmediclist.api.tests.helpers import request_payload

    return {"post /api/v1/consultations/requests": request_payload(world.clinic, world.treatment)}


def string_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from string_paths(item, (*path, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from string_paths(item, (*path, number))


def with_value(body: Any, path: tuple[Any, ...], value: str) -> Any:
    copied = json.loads(json.dumps(body))
    target = copied
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copied


@pytest.mark.django_db
def test_every_naughty_string_in_every_string_of_every_api_body(world: World) -> None:
    from cosmediclist.api import keys

    key = keys.create_key(actor=world.users["admin"], name="Validation", scopes=["read", "submit"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key.secret}"}
    client = Client()
    spec = openapi(client)
    valid = api_bodies(world)
    operations = [
        f"{method} {path}"
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    ]
    assert sorted(operations) == sorted(valid), "every API operation with a JSON body needs a valid body here"
    strings = naughty_strings()
    sent, problems = 0, []
    for operation in operations:
        method, path = operation.split(" ", 1)
        paths = list(string_paths(valid[operation]))
        for number, where in enumerate(paths):
            for value in strings[number % API_STRIDE :: API_STRIDE]:
                body = with_value(valid[operation], where, value)
                clear_caches()
                response = getattr(client, method)(
                    path, json.dumps(body), content_type="application/json", **headers
                )
                sent += 1
                label = f"{operation} {where!r} = {value!r}"
                if response.status_code >= 500:
                    problems.append(f"{label} -> {response.status_code}")
                elif 400 <= response.status_code < 500 and response.status_code not in {401, 403, 409, 429}:
                    text = response.content.decode()
                    field = ".".join(str(step) for step in where)
                    json_error = response["Content-Type"].startswith("application/json")
                    if not json_error or (f'"{where[0]}' not in text and field not in text):
                        problems.append(f"{label} -> {response.status_code} not naming {field}: {text[:200]}")
    record("Validation", api_operations=len(operations), api_bodies=sent, api_string_properties=len(paths))
    assert problems == [], "\n".join(problems[:20])
    assert sent > 30
