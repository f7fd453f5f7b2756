from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "cosmediclist.reviews"
    label = "reviews"
    verbose_name = "Reviews and outcomes"
