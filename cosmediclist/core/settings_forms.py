"""The CMS form for the retention periods: an empty box shows, greyed, the server's period."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from wagtail.admin.forms import WagtailAdminModelForm


class RetentionSettingsForm(WagtailAdminModelForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, setting in self._meta.model.ENVIRONMENT.items():
            if name in self.fields:
                self.fields[name].widget.attrs["placeholder"] = str(getattr(settings, setting))
