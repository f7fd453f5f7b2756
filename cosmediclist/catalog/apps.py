from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "cosmediclist.catalog"
    label = "catalog"
    verbose_name = "Treatment catalogue"
