"""API: the index at /api/v1/, the self-hosted docs, conditional GET (ETag, Last-Modified, 304)."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client
from django.utils.http import http_date

from cosmediclist.catalog.tests.factories import TreatmentFactory

pytestmark = pytest.mark.django_db


def test_the_root_lists_the_resources_with_absolute_links_and_the_docs(client: Client) -> None:
    TreatmentFactory.create(slug="mesotherapy")
    TreatmentFactory.create(slug="microneedling")
    response = client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["docs"] == "http://testserver/api/v1/docs"
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    names = {r["name"]: r["url"] for r in body["resources"]}
    assert names["clinics"].startswith("http://testserver/api/v1/clinics?")
    for url in names.values():
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_the_docs_and_schema_are_served_by_the_site_with_every_read_operation(client: Client) -> None:
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/treatments",
        "/api/v1/treatments/{slug}",
        "/api/v1/concerns",
        "/api/v1/areas/{slug}",
        "/api/v1/compare",
        "/api/v1/guides/{slug}",
        "/api/v1/clinics",
        "/api/v1/clinics/{slug}",
        "/api/v1/clinics/{slug}/reviews",
        "/api/v1/treatments/{slug}/reviews",
        "/api/v1/guides/{slug}/comments",
    ):
        assert "304" in paths[path]["get"]["responses"], path


def test_a_read_carries_etag_and_last_modified_and_a_match_is_a_304(client: Client) -> None:
    TreatmentFactory.create(slug="peel")
    with time_machine.travel("2026-11-02 10:00:00Z", tick=False):
        first = client.get("/api/v1/treatments/peel")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert modified == http_date(1793613600)
    with time_machine.travel("2026-11-03 10:00:00Z", tick=False):
        again = client.get("/api/v1/treatments/peel")
        assert again.headers["Last-Modified"] == modified  # the same answer keeps its date
        not_modified = client.get("/api/v1/treatments/peel", headers={"If-None-Match": etag})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert not_modified.headers["ETag"] == etag
        since = client.get("/api/v1/treatments/peel", headers={"If-Modified-Since": modified})
        assert since.status_code == 304
        other = client.get("/api/v1/treatments/peel", headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200


def test_a_change_gives_a_new_etag_and_a_later_last_modified(client: Client) -> None:
    treatment = TreatmentFactory.create(slug="peel", summary="Before.")
    with time_machine.travel("2026-11-02 10:00:00Z", tick=False):
        first = client.get("/api/v1/treatments/peel")
    treatment.summary = "After."
    treatment.save()
    with time_machine.travel("2026-11-05 10:00:00Z", tick=False):
        stale = {"If-None-Match": first.headers["ETag"]}
        response = client.get("/api/v1/treatments/peel", headers=stale)
        assert response.status_code == 200 and response.json()["summary"] == "After."
        assert response.headers["ETag"] != first.headers["ETag"]
        since = {"If-Modified-Since": first.headers["Last-Modified"]}
        assert client.get("/api/v1/treatments/peel", headers=since).status_code == 200


def test_errors_carry_no_etag(client: Client) -> None:
    response = client.get("/api/v1/treatments/nothing")
    assert response.status_code == 404 and "ETag" not in response.headers
