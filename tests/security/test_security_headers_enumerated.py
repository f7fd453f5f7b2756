"""Security headers on every response, enumerated from the URL resolver.

Every URL pattern (the site's own, the CMS's, Django admin's, the API's) is turned into a path
that resolves to it and fetched over HTTPS by an anonymous visitor, as production serves it
(HSTS on): whatever the answer (a page, a redirect to sign in, a 403, a 404 for the sample slug,
a 405), it carries HSTS, a Content-Security-Policy that forbids framing and inline scripts
(outside the CMS's admin and the API docs, which get their own looser policy), nosniff, a
Referrer-Policy, a Permissions-Policy, a Cross-Origin-Resource-Policy and X-Frame-Options.
tests/security/test_observatory.py grades the same headers with MDN's scanner on a few pages.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cosmediclist.core.middleware import ADMIN_PREFIXES
from tests.security.figures import record
from tests.security.urls import endpoints

HSTS_SECONDS = 31_536_000


def missing_headers(path: str, response: Any) -> list[str]:
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    directives = {part.split()[0]: part for part in (p.strip() for p in csp.split(";")) if part}
    wrong = []
    if not headers.get("Strict-Transport-Security", "").startswith(f"max-age={HSTS_SECONDS}"):
        wrong.append("Strict-Transport-Security")
    if not csp:
        wrong.append("Content-Security-Policy")
    elif not path.startswith(ADMIN_PREFIXES):
        if "'unsafe-inline'" in directives.get(
            "script-src", directives.get("default-src", "'unsafe-inline'")
        ):
            wrong.append("CSP script-src")
        if "frame-ancestors 'none'" not in directives.values() and "sandbox" not in directives:
            wrong.append("CSP frame-ancestors")
    if headers.get("X-Content-Type-Options") != "nosniff":
        wrong.append("X-Content-Type-Options")
    if headers.get("Referrer-Policy") != "same-origin":
        wrong.append("Referrer-Policy")
    if "camera=()" not in headers.get("Permissions-Policy", ""):
        wrong.append("Permissions-Policy")
    if headers.get("Cross-Origin-Resource-Policy") != "same-origin":
        wrong.append("Cross-Origin-Resource-Policy")
    if headers.get("X-Frame-Options") not in {"DENY", "SAMEORIGIN"}:
        wrong.append("X-Frame-Options")
    return wrong


@pytest.mark.django_db
def test_every_response_carries_the_security_headers(settings: Any) -> None:
    settings.SECURE_HSTS_SECONDS = HSTS_SECONDS
    client = Client(raise_request_exception=False)
    checked: dict[int, int] = {}
    wrong: dict[str, list[str]] = {}
    for endpoint in endpoints():
        response = client.get(endpoint.path, secure=True)
        checked[response.status_code] = checked.get(response.status_code, 0) + 1
        missing = missing_headers(endpoint.path, response)
        if missing:
            wrong[f"{endpoint.label} -> {response.status_code}"] = missing
    total = sum(checked.values())
    record("Security headers", responses_checked=total, responses_missing_a_header=len(wrong))
    assert wrong == {}
    assert total > 450, checked
    assert 500 not in checked, checked
