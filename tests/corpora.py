"""The shared attack-string corpora, read as they are (they lie beside the checkout)."""

from __future__ import annotations

import json
import os
from pathlib import Path

CORPORA = Path(os.environ.get("CORPORA_DIR") or Path(__file__).resolve().parents[2] / "shared" / "corpora")


def lines(name: str) -> list[str]:
    text = (CORPORA / name).read_text(encoding="utf-8", errors="surrogateescape")
    return [line for line in text.splitlines() if line.strip()]


def naughty_strings() -> list[str]:
    data: list[str] = json.loads((CORPORA / "naughty-strings.json").read_text(encoding="utf-8"))
    return data


def upload_filenames() -> list[str]:
    data: list[str] = json.loads((CORPORA / "upload-filenames.json").read_text(encoding="utf-8"))
    return data
