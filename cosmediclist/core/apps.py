from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


def create_cache_table(*, using: str, **kwargs: Any) -> None:
    """Every `migrate` also creates the database cache's table (rate limits live there without Redis)."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "cosmediclist.core"
    label = "core"
    verbose_name = "Site core"

    def ready(self) -> None:
        from wagtail import views as wagtail_views

        from cosmediclist.core import admin_audit, origin, pagecache

        # Every app's audit vocabulary is declared in its audit_actions.py.
        autodiscover_modules("audit_actions")
        admin_audit.connect()
        # Anonymous public pages are cached whole; any change to public content invalidates them.
        pagecache.connect()
        wagtail_views.serve.wagtail_serve = True
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="core-create-cache-table")
        post_migrate.connect(origin.sync_after_migrate, dispatch_uid="core-sync-wagtail-site")
        # What each app holds about a person is declared in its personal_data.py.
        import cosmediclist.core.site_personal_data  # noqa: F401

        autodiscover_modules("personal_data")
