"""Figures the security suite measures, collected for `make security-report`.

Each enumerated test calls ``record("XSS", payloads_tried=…, executed=…)`` with what it counted.
The figures go to ``artifacts/security/<database vendor>.json`` (git-ignored), one file per
database so that the SQLite and PostgreSQL runs of CI never write the same file, and
``python -m tests.security.report`` prints them as one table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

FOLDER = Path(settings.BASE_DIR) / "artifacts" / "security"


def figures_file(vendor: str | None = None) -> Path:
    return FOLDER / f"{vendor or connection.vendor}.json"


def record(section: str, **figures: Any) -> None:
    """Add (or replace) the figures of one section of the report for this run's database."""
    target = figures_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    known: dict[str, dict[str, Any]] = json.loads(target.read_text()) if target.exists() else {}
    known.setdefault(section, {}).update(figures)
    target.write_text(json.dumps(known, indent=2, sort_keys=True))
