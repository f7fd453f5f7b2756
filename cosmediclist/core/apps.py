from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cosmediclist.core"
    label = "core"
    verbose_name = "Site core"
