from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "cosmediclist.core"
    label = "core"
    verbose_name = "Site core"

    def ready(self) -> None:
        from cosmediclist.core import origin

        # Every app's audit vocabulary is declared in its audit_actions.py.
        autodiscover_modules("audit_actions")
        post_migrate.connect(origin.sync_after_migrate, dispatch_uid="core-sync-wagtail-site")
