from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cosmediclist.api"
    label = "api"
    verbose_name = "JSON API"
