from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "cosmediclist.core"
    label = "core"
    verbose_name = "Site core"

    def ready(self) -> None:
        # Every app's audit vocabulary is declared in its audit_actions.py.
        autodiscover_modules("audit_actions")
