from __future__ import annotations

from django.test import Client


def test_api_health_answers_json(client: Client, db) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "1"}


def test_openapi_schema_and_docs_are_served_by_the_site(client: Client, db) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/health" in schema["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
