"""Pages are sent compressed when the browser asks; static files are compressed ahead of time."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import brotli
import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware


@pytest.mark.django_db
def test_a_page_is_gzipped_when_asked_and_plain_otherwise(client: Client) -> None:
    plain = client.get("/about/")
    assert "Content-Encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["Vary"]
    packed = client.get("/about/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2


@pytest.mark.django_db
def test_gzip_output_differs_between_responses_against_breach(client: Client) -> None:
    """Django adds random bytes to each gzip header, so sizes do not leak what the page holds."""
    sizes = {len(client.get("/about/", HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(12)}
    assert len(sizes) > 1


def test_static_files_are_served_hashed_with_gzip_and_brotli_for_ten_years(
    settings: Any, tmp_path: Path
) -> None:
    settings.STATIC_ROOT = tmp_path
    # Our own files only: compressing Wagtail's admin assets as well takes minutes on a busy box.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    css = next(tmp_path.glob("css/site.*.css"))
    assert (tmp_path / f"{css.relative_to(tmp_path)}.gz").exists()
    assert (tmp_path / f"{css.relative_to(tmp_path)}.br").exists()

    middleware = WhiteNoiseMiddleware(lambda request: pytest.fail("not a static file"))
    url = f"/static/{css.relative_to(tmp_path)}"
    response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br"))
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"
    body = b"".join(response.streaming_content)
    assert brotli.decompress(body) == css.read_bytes()
    unhashed = middleware(RequestFactory().get("/static/css/site.css", HTTP_ACCEPT_ENCODING="gzip"))
    assert unhashed.headers["Cache-Control"] == "max-age=60, public"
    assert unhashed.headers["Content-Encoding"] == "gzip"
