"""CSRF, enumerated from the URL resolver: a POST without a token to any page of the site is refused.

Every URL pattern (about 520: the site's own, the CMS's and Django admin's) is turned into a path
that resolves back to it and posted to without a CSRF cookie or token: the answer is 403 before
the view runs, so no row can change. A view added later is covered the day it is added. The only
views that accept such a POST are the reviewed one-click unsubscribe views (RFC 8058: the mail
client posts without cookies; the signed token in the URL is the credential), which
tests/safety_rules.py also pins, and the partner API, whose cookie-authenticated calls are
checked by the API's own tests.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.safety_rules import CSRF_EXEMPT_REVIEWED
from tests.security.figures import record
from tests.security.urls import Endpoint, endpoints, resolves_to

REVIEWED_NAMES = {function for _path, function in CSRF_EXEMPT_REVIEWED}
API_PREFIX = "/api/"
# Wagtail's admin API: read-only Django REST framework views (exempt from Django's CSRF check; DRF's
# session authentication enforces CSRF itself for signed-in users) behind the admin's sign-in:
# an anonymous POST is sent to sign in or refused, never served.
CMS_READ_API = "/cms/api/"


def is_reviewed_exemption(endpoint: Endpoint) -> bool:
    callback = endpoint.callback
    return bool(getattr(callback, "csrf_exempt", False)) and callback.__name__ in REVIEWED_NAMES


@pytest.mark.django_db
def test_every_post_without_a_csrf_token_is_refused() -> None:
    client = Client(enforce_csrf_checks=True)
    checked, shadowed, answers = 0, [], {}
    for endpoint in endpoints():
        if not resolves_to(endpoint):
            shadowed.append(endpoint.label)  # an earlier pattern answers this path (e.g. one sign-in door)
            continue
        if endpoint.path.startswith(API_PREFIX) or is_reviewed_exemption(endpoint):
            continue
        status = client.post(endpoint.path, {"anything": "x"}).status_code
        checked += 1
        if endpoint.path.startswith(CMS_READ_API) and status in {302, 403, 405}:
            continue
        if status != 403:
            answers[endpoint.label] = status
    record("CSRF", posts_without_token=checked, accepted=len(answers))
    assert answers == {}
    assert checked > 450
    assert len(shadowed) <= 5, shadowed


def test_the_only_exempt_views_are_the_reviewed_ones() -> None:
    exempt = {
        endpoint.label
        for endpoint in endpoints()
        if getattr(endpoint.callback, "csrf_exempt", False)
        and not endpoint.path.startswith((API_PREFIX, CMS_READ_API))
    }
    assert exempt, "the one-click unsubscribe views should be found"
    assert all(any(name in label for name in ("unsubscribe", "one-click")) for label in exempt), exempt
