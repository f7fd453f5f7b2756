from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "cosmediclist.core"
    label = "core"
    verbose_name = "Site core"

    def ready(self) -> None:
        from cosmediclist.core import origin

        post_migrate.connect(origin.sync_after_migrate, dispatch_uid="core-sync-wagtail-site")
