"""Helpers for site-wide checks: crawl the public pages a reader can reach, run the Nu HTML Checker."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import deque
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from django.test import Client

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

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


def crawl(
    client: Client,
    start: str = "/",
    limit: int = 400,
    *,
    kind: Callable[[str], str] | None = None,
    per_kind: int = 0,
) -> dict[str, str]:
    """Every public HTML page reachable from ``start`` by links, as {path: html}.

    With ``kind`` and ``per_kind``, only the first ``per_kind`` paths of each kind are visited
    (e.g. a few clinic pages rather than every clinic's): every kind of page, in less time.
    """
    kinds: dict[str, int] = {}
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
                if kind is not None and per_kind:
                    key = kind(parts.path)
                    if kinds.get(key, 0) >= per_kind:
                        continue
                    kinds[key] = kinds.get(key, 0) + 1
                queued.add(parts.path)
                queue.append(parts.path)
    return seen


def nu_html_errors(pages: Mapping[str, str | bytes], folder: Path) -> list[str]:
    """Every error the Nu HTML Checker finds in ``pages`` ({name: html}), as "name:line: message".

    The pages are written to ``folder`` and checked in one run of the checker (Java starts once).
    """
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java (apt-get install default-jre-headless, or make browser)"
    assert VNU.exists(), "the Nu HTML Checker is missing: run npm ci (or make browser)"
    names: dict[str, str] = {}
    for index, (name, html) in enumerate(pages.items()):
        file = folder / f"page{index}.html"
        file.write_bytes(html.encode() if isinstance(html, str) else html)
        names[str(file)] = name
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *names],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        f"{names.get(m['url'].removeprefix('file:'), m['url'])}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr or "{}").get("messages", [])
        if m.get("type") == "error"
    ]
