"""Server errors: a database that is down (restarting, unreachable) answers 503 with a clear page.

Django calls ``server_error`` (the project's handler500) for any exception a view or middleware
raised, inside the ``except`` that caught it. When that exception is the database's
(OperationalError, InterfaceError: the server restarting, a connection it closed), the answer is
503 "temporarily unavailable" with Retry-After, JSON under /api/; anything else stays a 500. The
pages are static (no database, no context processors). Connections are health-checked before reuse
(CONN_HEALTH_CHECKS), so the site recovers by itself once the database is back.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 10
UNAVAILABLE = "The service is temporarily unavailable. Please try again in a moment."


def database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request: HttpRequest) -> HttpResponse:
    if not database_unavailable(sys.exc_info()[1]):
        return HttpResponse(render_to_string("500.html"), status=500)
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": UNAVAILABLE}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
