"""Site invariants: what every public page and response must honour."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.site import EMAIL_RE, crawl, nu_html_errors, parse

ROOT = Path(__file__).resolve().parent.parent


_CRAWLED: dict[str, str] = {}


@pytest.fixture
def demo_site(db: None) -> dict[str, str]:
    """Every public page of the demo site as {path: html}, crawled once per test run.

    The HTML is kept between tests (the database is not): loading the demo and crawling
    some 130 pages costs seconds, and every invariant below reads the same pages.
    """
    if not _CRAWLED:
        call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
        _CRAWLED.update(crawl(Client()))
    return _CRAWLED


def test_no_pending_migrations(db: None) -> None:
    out = StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)


def test_every_public_page_answers_200(demo_site: dict[str, str]) -> None:
    broken = {path: html for path, html in demo_site.items() if html.startswith("STATUS")}
    assert broken == {}
    assert len(demo_site) >= 5


def test_every_public_page_has_exactly_one_h1(demo_site: dict[str, str]) -> None:
    counts = {path: parse(html).h1_count for path, html in demo_site.items()}
    assert {path: n for path, n in counts.items() if n != 1} == {}


def test_every_public_page_has_one_canonical_link_on_site_url(demo_site: dict[str, str]) -> None:
    wrong = {}
    for path, html in demo_site.items():
        page = parse(html)
        og_url = page.meta.get("og:url")
        if len(page.canonicals) != 1 or not page.canonicals[0].startswith(settings.SITE_URL + "/"):
            wrong[path] = page.canonicals
        elif og_url is not None and og_url != page.canonicals[0]:
            wrong[path] = [*page.canonicals, og_url]
    assert wrong == {}


def test_no_email_address_on_any_public_page(demo_site: dict[str, str]) -> None:
    leaks = {path: EMAIL_RE.findall(html) for path, html in demo_site.items()}
    assert {path: found for path, found in leaks.items() if found} == {}


def test_every_public_page_is_valid_html(demo_site: dict[str, str], tmp_path: Path) -> None:
    assert nu_html_errors(dict(sorted(demo_site.items())), tmp_path) == []


@pytest.mark.parametrize("path", ["/", "/about/", "/healthz", "/api/v1/health", "/does-not-exist/"])
def test_security_headers_on_every_response(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_is_sent_when_served_over_https(client: Client, db: None, settings: object) -> None:
    settings.SECURE_HSTS_SECONDS = 31_536_000  # type: ignore[attr-defined]
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


ASSET_TAG = re.compile(r"<(script|link|img|iframe|source|video|audio)\b[^>]*>", re.IGNORECASE)
ASSET_URL = re.compile(r'\b(?:src|href|srcset)="([^"]+)"', re.IGNORECASE)


def test_pages_load_no_third_party_assets(demo_site: dict[str, str]) -> None:
    """Scripts, styles, fonts, images and frames all come from the site itself."""
    offenders: dict[str, list[str]] = {}
    for path, html in demo_site.items():
        for tag in ASSET_TAG.finditer(html):
            if (
                tag.group(1).lower() == "link"
                and "stylesheet" not in tag.group(0)
                and "icon" not in tag.group(0)
            ):
                continue  # canonical and alternate links are not loaded
            for url in ASSET_URL.findall(tag.group(0)):
                if url.startswith(("http://", "https://", "//")):
                    offenders.setdefault(path, []).append(url)
    assert offenders == {}


def test_unknown_page_gets_the_styled_404(client: Client, db: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"site-header" in response.content


def test_robots_txt_lists_the_sitemap(client: Client, db: None) -> None:
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /portal/" in body


def test_healthz_reports_the_database(client: Client, db: None) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_favicon_ico_leads_to_the_site_icon(client: Client, db: None) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_no_inline_script_style_or_handler_on_any_public_page(demo_site: dict[str, str]) -> None:
    """The strict CSP forbids inline code: a page with some would break silently in browsers."""
    offenders = {}
    for path, html in demo_site.items():
        inline = [
            tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "ld+json" not in tag
        ]
        if inline or re.search(r"<style\b|\sstyle=\"|\son[a-z]+=\"", html):
            offenders[path] = inline or "style or on* handler"
    assert offenders == {}


def test_every_stylesheet_and_script_is_well_formed() -> None:
    """An unclosed block in site.css would silently drop every rule after it."""
    for path in (ROOT / "static").rglob("*.css"):
        css = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.DOTALL)
        depth = 0
        for char in css:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, f"{path.name}: a closing brace without its block"
        assert depth == 0, f"{path.name}: {depth} block(s) left open"
    for path in (ROOT / "static").rglob("*"):
        if path.suffix in {".css", ".js", ".svg"}:
            assert not re.search(r"^(<<<<<<<|=======$|>>>>>>>)", path.read_text(), re.MULTILINE), path
