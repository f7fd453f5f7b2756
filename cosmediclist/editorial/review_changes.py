"""What changed in a guide between two approved revisions, said in one line for its review history."""

from __future__ import annotations

import json
from typing import Any

MAX_LENGTH = 300
INTRODUCTION = "the opening"
# Revision fields a reader sees, with the words the review history uses for them.
FIELDS = {
    "title": "title",
    "standfirst": "standfirst",
    "summary": "summary",
    "hero_image": "hero image",
    "hero_alt": "hero image",
    "hero_caption": "hero image",
    "hero_credit": "hero image",
    "treatment": "treatment",
    "author": "author",
    "disclosure": "disclosure",
}


def _blocks(content: dict[str, Any]) -> list[dict[str, Any]]:
    body = content.get("body") or []
    parsed = json.loads(body) if isinstance(body, str) else body
    return [block for block in parsed if isinstance(block, dict)]


def sections(content: dict[str, Any]) -> dict[str, str]:
    """The body as {section heading: its blocks}, the references under "references"."""
    found: dict[str, list[Any]] = {}
    current = INTRODUCTION
    for block in _blocks(content):
        kind, value = block.get("type"), block.get("value")
        if kind == "heading":
            current = str(value)
            found.setdefault(current, [])
        elif kind == "references":
            found.setdefault("references", []).append(value)
        else:
            found.setdefault(current, []).append([kind, value])
    return {name: json.dumps(blocks, sort_keys=True) for name, blocks in found.items()}


def describe(previous: dict[str, Any] | None, current: dict[str, Any]) -> str:
    """One line: "First review.", "No change to the text…" or "Changed: summary, section “Risks”…"."""
    if previous is None:
        return "First review."
    changed: list[str] = []
    for field, label in FIELDS.items():
        if previous.get(field) != current.get(field) and label not in changed:
            changed.append(label)
    before, after = sections(previous), sections(current)
    for name in after:
        if name == "references":
            continue
        if name not in before:
            changed.append(f"new section “{name}”")
        elif before[name] != after[name]:
            changed.append(INTRODUCTION if name == INTRODUCTION else f"section “{name}”")
    changed += [f"removed section “{name}”" for name in before if name not in after and name != "references"]
    if before.get("references") != after.get("references"):
        changed.append("references")
    if not changed:
        return "No change to the text since the previous review."
    line = "Changed: " + ", ".join(changed) + "."
    return line if len(line) <= MAX_LENGTH else line[: MAX_LENGTH - 1].rsplit(", ", 1)[0] + "…"
