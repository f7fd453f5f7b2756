"""Safe rendering of text that users wrote: plain text in, escaped HTML with safe links out."""

from __future__ import annotations

import re
from typing import Annotated

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pydantic import AfterValidator

# A link starts with http:// or https:// and runs to whitespace or an angle bracket;
# trailing punctuation belongs to the sentence, not the link.
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""
LINK_REL = "nofollow ugc noopener"
MAX_LINK_TEXT = 60
# C0 control characters except tab, newline and carriage return, and DEL: XML 1.0 (feeds) refuses
# most of them and none of them means anything in a name, a comment or an address.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(text: str) -> str:
    """The text without C0 control characters other than tab, newline and carriage return."""
    return _CONTROL.sub("", text)


_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def one_line(text: str) -> str:
    """The text with its line breaks turned into spaces: for titles, which are also email subjects."""
    return _LINE_BREAKS.sub(" ", text)


# The text type of every API input schema: control characters are stripped as the forms do.
PlainText = Annotated[str, AfterValidator(strip_control_characters)]


def _link(url: str) -> str:
    label = url if len(url) <= MAX_LINK_TEXT else url[: MAX_LINK_TEXT - 1] + "…"
    return f'<a href="{escape(url)}">{escape(label)}</a>'


def _linkify_line(line: str, *, links: bool) -> str:
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(line):
        url = match.group(0)
        stripped = url.rstrip(_TRAILING)
        out.append(escape(line[pos : match.start()]))
        out.append(_link(stripped) if links else escape(stripped))
        out.append(escape(url[len(stripped) :]))
        pos = match.end()
    out.append(escape(line[pos:]))
    return "".join(out)


def render_user_text(text: str, *, links: bool = True) -> SafeString:
    """Render plain user text as paragraphs with clickable http(s) links.

    Everything the user typed is escaped; only the ``<p>``, ``<br>`` and ``<a>`` elements
    made here survive, and nh3 then re-checks the result so that nothing but http and
    https links with ``rel="nofollow ugc noopener"`` can reach the page.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not normalised:
        return SafeString("")
    paragraphs = [p for p in re.split(r"\n{2,}", normalised) if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_linkify_line(line, links=links) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )
    cleaned = nh3.clean(
        html,
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308  # safe-html: escaped above and sanitised by nh3


def count_links(text: str) -> int:
    """How many http(s) links a piece of user text holds."""
    return len(_URL.findall(text))


_SENTENCE_END = re.compile(r"[.!?](?=\s)")
ELLIPSIS = "…"


def describe(text: str, limit: int = 160) -> str:
    """``text`` as a page description of at most ``limit`` characters, ending at a boundary.

    Whitespace is collapsed. A text that fits is returned whole. Otherwise it ends at the last
    full sentence that fits, when that keeps at least half of ``limit``; failing that, at the
    last whole word, followed by "…" (a single word longer than ``limit`` is the only one cut).
    """
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    window = flat[: limit + 1]
    sentences = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= limit]
    if sentences and sentences[-1] >= limit // 2:
        return flat[: sentences[-1]]
    cut = flat[: limit - len(ELLIPSIS) + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + ELLIPSIS
