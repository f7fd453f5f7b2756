"""Helpers for site-wide form checks: the checkboxes of a page, with their labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Checkbox:
    name: str
    id: str
    checked: bool
    value: str = ""
    label: str = ""


@dataclass
class _Label:
    target: str
    text: list[str] = field(default_factory=list)


class _Checkboxes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[Checkbox] = []
        self.labels: dict[str, str] = {}
        self.forms = 0
        self._label: _Label | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.forms += 1
        if tag == "input" and (found.get("type") or "").lower() == "checkbox":
            self.boxes.append(
                Checkbox(
                    name=found.get("name") or "",
                    id=found.get("id") or "",
                    checked="checked" in found,
                    value=found.get("value") or "",
                )
            )
        if tag == "label":
            self._label = _Label(target=found.get("for") or "")

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label is not None:
            self.labels[self._label.target] = " ".join("".join(self._label.text).split())
            self._label = None


def checkboxes(html: str) -> list[Checkbox]:
    """Every checkbox on the page, each with the text of its <label for=...>."""
    parser = _Checkboxes()
    parser.feed(html)
    for box in parser.boxes:
        box.label = parser.labels.get(box.id, "")
    return parser.boxes


CONSENT_WORDS = re.compile(r"consent|agree|shar|send|health|answer|clinic|remember|notify|email me", re.I)


def pre_ticked_consent(html: str) -> list[Checkbox]:
    """Checkboxes ticked on load whose name or label is about consent, sharing or health data."""
    return [b for b in checkboxes(html) if b.checked and CONSENT_WORDS.search(f"{b.name} {b.label}")]
