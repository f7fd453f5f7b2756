from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cosmediclist.api"
    label = "api"
    verbose_name = "JSON API"

    def ready(self) -> None:
        # Webhooks listen to the consultation and review signals (the domain apps never import the API).
        from cosmediclist.api import webhooks  # noqa: F401
