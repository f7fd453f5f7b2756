"""JSON-LD data blocks: schema.org data as JSON that no text inside can end its <script> element."""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# "<" and ">" could close the element or open a comment, "&" could start a character reference:
# as JSON escapes they read the same to a parser of the data.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> SafeString:
    """The JSON of ``data`` for the inside of a <script type="application/ld+json"> element."""
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(text)  # noqa: S308  # safe-html: every character that could end the script is escaped


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """The whole data block (not executed, so the strict CSP has nothing to allow)."""
    return format_html('<script type="application/ld+json">{}</script>', json_ld(data))
