"""Every API answer over the demo site: no email address, no health answer, absolute links only."""

from __future__ import annotations

import json
from collections import deque
from io import StringIO
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from cosmediclist.consultations.models import ConsultationRequest
from tests.site import EMAIL_RE

API = "http://testserver/api/v1"


def _links(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [link for item in value.values() for link in _links(item)]
    if isinstance(value, list):
        return [link for item in value for link in _links(item)]
    if isinstance(value, str) and value.startswith(API):
        return [value]
    return []


@pytest.mark.django_db
def test_no_api_answer_holds_an_email_address_or_a_health_answer() -> None:
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    hopes = [h for h in ConsultationRequest.objects.values_list("hopes", flat=True) if len(h) > 12]
    assert hopes, "the demo should hold requests with the patient's own words"
    client, seen, queue = Client(), set[str](), deque([API + "/"])
    while queue and len(seen) < 250:
        url = queue.popleft()
        if url in seen or "/docs" in url or "openapi" in url:
            continue
        seen.add(url)
        parts = urlsplit(url)
        response = client.get(parts.path + ("?" + parts.query if parts.query else ""))
        assert response.status_code == 200, url
        text = response.content.decode()
        assert EMAIL_RE.findall(text) == [], url
        assert [h for h in hopes if h in text] == [], url
        queue.extend(link for link in _links(json.loads(text)) if link not in seen)
    assert len(seen) > 40
    assert {urlsplit(u).path.split("/")[3] for u in seen} >= {"treatments", "clinics", "guides", "concerns"}
