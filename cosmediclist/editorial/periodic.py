"""Editorial work for the every-minute runner (settings.PERIODIC_JOBS)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command


def publish_scheduled() -> str:
    """Publish pages whose go-live time has come and unpublish expired ones (Wagtail's command).

    Safe to run twice: a page published once is no longer waiting, so the next run finds nothing.
    """
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip() or "done"
