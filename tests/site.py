"""Helpers for site-wide checks: crawl the public pages a reader can reach."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.test import Client

# Private areas, machine endpoints and the CMS are checked by their own tests.
SKIP_PREFIXES = (
    "/cms/",
    "/django-admin/",
    "/account/",
    "/portal/",
    "/moderation/",
    "/api/",
    "/static/",
    "/media/",
    "/documents/",
    "/feeds/",
    "/consultations/",
)
SKIP_SUFFIXES = (".xml", ".txt", ".ics", ".json", ".svg", ".png", ".jpg", ".webp", ".css", ".js")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.h1_count = 0
        self.canonicals: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self.h1_count += 1
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            self.canonicals.append(dict(attrs).get("href") or "")
        if tag == "meta":
            named = dict(attrs).get("property") or dict(attrs).get("name")
            if named:
                self.meta[named] = dict(attrs).get("content") or ""
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def crawl(client: Client, start: str = "/", limit: int = 400) -> dict[str, str]:
    """Every public HTML page reachable from ``start`` by links, as {path: html}."""
    seen: dict[str, str] = {}
    queue: deque[str] = deque([start])
    queued = {start}
    while queue and len(seen) < limit:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            seen[path] = f"STATUS {response.status_code}"
            continue
        html = response.content.decode()
        seen[path] = html
        for href in parse(html).links:
            target = urldefrag(href)[0]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(SKIP_PREFIXES) or parts.path.endswith(SKIP_SUFFIXES):
                continue
            # One page per path: query-string variants (filters, pages) are tested by their apps.
            if parts.path not in queued:
                queued.add(parts.path)
                queue.append(parts.path)
    return seen
