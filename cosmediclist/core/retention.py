"""The retention periods in force: the one place purge jobs and the privacy page read them from.

Administrators set each period in the CMS (Settings → Retention periods, the
:class:`~cosmediclist.core.models.RetentionSettings` row). A period left empty there, or no row
at all, means the environment setting of the same name (``INTAKE_RETENTION_DAYS`` and so on), so
a site whose administrators never opened the page behaves exactly as the environment says.
"""

from __future__ import annotations

from django.conf import settings

from cosmediclist.core import pagecache
from cosmediclist.core.models import RetentionSettings

# The field of RetentionSettings that overrides each environment setting.
FIELDS: dict[str, str] = {setting: field for field, setting in RetentionSettings.ENVIRONMENT.items()}


def _row() -> RetentionSettings | None:
    # Read only: ``RetentionSettings.load()`` would create the row (a write) on a page view.
    row: RetentionSettings | None = RetentionSettings.objects.order_by("pk").first()
    return row


def set_in_cms() -> dict[str, int]:
    """The periods administrators set in the CMS, by environment setting name (empty ones left out).

    Read once per content generation (the privacy page asks for every period; a save of the
    settings row starts a new generation, so a change shows on the very next request).
    """
    return pagecache.cached_for_generation("retention-settings", _read_from_cms)


def _read_from_cms() -> dict[str, int]:
    row = _row()
    if row is None:
        return {}
    return {setting: value for setting, field in FIELDS.items() if (value := getattr(row, field)) is not None}


def retention_days(setting: str) -> int:
    """Days the kind of data governed by ``setting`` (e.g. ``"INTAKE_RETENTION_DAYS"``) is kept now."""
    if setting not in FIELDS:
        raise KeyError(f"{setting} is not a retention period")
    return set_in_cms().get(setting, int(getattr(settings, setting)))
