from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "cosmediclist.notifications"
    label = "notifications"
    verbose_name = "Notifications"
