from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "cosmediclist.feedback"
    label = "feedback"
    verbose_name = "Messages from readers"
