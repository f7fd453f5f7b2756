"""Attack-string corpora kept in the repository (sources and licences in README.md here), read as they are."""

from __future__ import annotations

import json
from pathlib import Path

CORPORA = Path(__file__).resolve().parent


def lines(name: str) -> list[str]:
    text = (CORPORA / name).read_text(encoding="utf-8", errors="surrogateescape")
    return [line for line in text.splitlines() if line.strip()]


def naughty_strings() -> list[str]:
    data: list[str] = json.loads((CORPORA / "naughty-strings.json").read_text(encoding="utf-8"))
    return data


def upload_filenames() -> list[str]:
    data: list[str] = json.loads((CORPORA / "upload-filenames.json").read_text(encoding="utf-8"))
    return data
