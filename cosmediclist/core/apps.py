from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "cosmediclist.core"
    label = "core"
    verbose_name = "Site core"

    def ready(self) -> None:
        # Every app's audit vocabulary is declared in its audit_actions.py.
        autodiscover_modules("audit_actions")
        # What each app holds about a person is declared in its personal_data.py.
        import cosmediclist.core.site_personal_data  # noqa: F401

        autodiscover_modules("personal_data")
