"""Views for `make bench` only, mounted under /bench/ when the BENCH setting is on.

- ``trivial``: the floor of the same server and middleware (no query, no template).
- ``bare_article`` (in ``discussion.bench_views``, which may import the article and its comments):
  the "minimal Django view of the same article" each page is compared with.
- ``bare_post``: a CSRF-checked POST that stores one row, the floor for the comment and
  consultation POSTs.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST, require_safe


@require_safe
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def bare_post(request: HttpRequest) -> HttpResponse:
    """Store one row, in ``django_session``: every configuration has that table (sessions may live
    in Redis, but ``django.contrib.sessions`` is installed and migrated), and the row expires."""
    table = connection.ops.quote_name("django_session")
    expires = datetime.now(UTC) + timedelta(minutes=5)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (session_key, session_data, expire_date) VALUES (%s, %s, %s)",  # noqa: S608  # safe-sql: quoted name  # nosec B608
            [f"bench{secrets.token_hex(16)}", str(request.POST.get("body", ""))[:200], expires],
        )
    return HttpResponse(status=204)


class QueryCountMiddleware:
    """BENCH only: an X-Bench-Queries header with the number of SQL queries the request ran."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counter(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        response["X-Bench-Ms"] = f"{(time.perf_counter() - start) * 1000:.1f}"
        return response


urlpatterns = [
    path("trivial/", trivial, name="trivial"),
    path("bare-post/", bare_post, name="bare-post"),
]
