from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "cosmediclist.discussion"
    label = "discussion"
    verbose_name = "Discussion"
