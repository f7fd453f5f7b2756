"""A database that is down answers 503 with a clear page and Retry-After, never a 500.

The views below raise the exceptions Django's database layer raises when the server restarts
(``OperationalError``) or a connection it closed is used (``InterfaceError``): raised here by
hand, to be fast. tests/chaos/test_postgres_restart.py restarts a real PostgreSQL under load.
"""

from __future__ import annotations

import pytest
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from cosmediclist.core import unavailable
from cosmediclist.urls import handler400, handler403, handler404, handler500, urlpatterns


def database_down(request: HttpRequest) -> HttpResponse:
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def connection_closed(request: HttpRequest) -> HttpResponse:
    raise InterfaceError("connection already closed")


def bug(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError


test_urlpatterns = [
    path("down/", database_down),
    path("closed/", connection_closed),
    path("api/v1/down/", database_down),
    path("bug/", bug),
]


class Urls:
    urlpatterns = [*test_urlpatterns, *urlpatterns]
    handler400, handler403, handler404, handler500 = handler400, handler403, handler404, handler500


@pytest.fixture
def client(settings: object) -> Client:
    settings.ROOT_URLCONF = Urls  # type: ignore[attr-defined]
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/down/", "/closed/"])
def test_a_page_answers_503_with_retry_after_when_the_database_is_down(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == str(unavailable.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "<h1>Temporarily unavailable</h1>" in page and "try again" in page


def test_the_api_answers_503_in_json(client: Client) -> None:
    response = client.get("/api/v1/down/")
    assert response.status_code == 503
    assert response.json() == {"detail": unavailable.UNAVAILABLE}
    assert response["Retry-After"]


def test_any_other_error_is_still_a_500(client: Client) -> None:
    response = client.get("/bug/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
