from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "cosmediclist.directory"
    label = "directory"
    verbose_name = "Clinic directory"
