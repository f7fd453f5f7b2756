"""The every-minute jobs: each enqueues or does what is due, and is safe to run twice."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def jobs() -> list[tuple[str, Callable[[], object]]]:
    return [(path, import_string(path)) for path in settings.PERIODIC_JOBS]


def run_due() -> dict[str, object]:
    """Run every periodic job once; one job's failure does not stop the others."""
    results: dict[str, object] = {}
    for path, job in jobs():
        try:
            results[path] = job()
        except Exception:
            logger.exception("periodic job %s failed", path)
            results[path] = "error"
    return results
