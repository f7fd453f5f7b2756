"""Schemathesis against the API in-process: every status an operation answers is in the OpenAPI schema."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error, status_code_conformance

from cosmediclist.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same cases on every run, so that a failure reproduces
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_status_the_api_answers_is_documented(case: Any) -> None:
    response = case.call()
    case.validate_response(response, checks=(not_a_server_error, status_code_conformance))
