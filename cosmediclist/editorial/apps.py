from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cosmediclist.editorial"
    label = "editorial"
    verbose_name = "Editorial: articles and guides"
