"""What a page's markup holds (elements, attributes, links, text), to prove hostile input added none."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Links a page may carry whatever a user typed: the web, the site itself, and a clinic's phone number.
SAFE_URL = re.compile(r"^(https?://|/|\?|#|tel:\+?[0-9]+$)", re.IGNORECASE)


class Elements(HTMLParser):
    """Every element and attribute of a document, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: set[tuple[str, str]] = set()
        self.tags: set[str] = set()
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.pairs.add((tag, name))
            if name in {"href", "src", "action", "formaction"}:
                self.urls.append(value or "")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def as_received(value: str) -> str:
    """What a browser would send for a corpus line that is not valid UTF-8."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def assert_nothing_new(html: str, baseline: Elements) -> Elements:
    found = elements(html)
    assert found.tags - baseline.tags == set()
    assert found.pairs - baseline.pairs == set()
    assert [u for u in found.urls if not SAFE_URL.match(u)] == []
    return found
