"""User text is rendered as escaped paragraphs with safe links, whatever it contains."""

from __future__ import annotations

from html.parser import HTMLParser

from cosmediclist.core.text import count_links, render_user_text
from tests import corpora


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def assert_only_safe_markup(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag in {"p", "br", "a"}, html
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, html
            assert (attrs["href"] or "").lower().startswith(("http://", "https://")), html
            assert attrs["rel"] == "nofollow ugc noopener"


def test_plain_text_becomes_paragraphs_and_line_breaks() -> None:
    html = render_user_text("First line\nsecond line\n\nNew paragraph")
    assert html == "<p>First line<br>second line</p><p>New paragraph</p>"


def test_http_links_are_clickable_with_nofollow_ugc_noopener() -> None:
    html = render_user_text("See https://example.org/a?b=1&c=2.")
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">' in html
    assert html.endswith(".</p>")


def test_other_schemes_are_never_links() -> None:
    html = render_user_text("javascript:alert(1) data:text/html,<b>x</b> ftp://x.org")
    assert "<a" not in html
    assert "&lt;b&gt;" in html


def test_markup_is_escaped_not_interpreted() -> None:
    html = render_user_text('<script>alert("x")</script><img src=x onerror=alert(1)>')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_links_can_be_left_unrendered() -> None:
    assert "<a" not in render_user_text("https://example.org", links=False)


def test_count_links() -> None:
    assert count_links("a http://x.org b https://y.org/c c www.z.org") == 2


def test_every_xss_payload_renders_as_inert_text() -> None:
    payloads = corpora.lines("xss-payloads-half.txt")
    assert len(payloads) > 3000
    for payload in payloads:
        assert_only_safe_markup(render_user_text(payload))


def test_every_naughty_string_renders_without_error() -> None:
    for text in corpora.naughty_strings():
        assert_only_safe_markup(render_user_text(text))
