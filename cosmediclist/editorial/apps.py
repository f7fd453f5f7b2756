from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "cosmediclist.editorial"
    label = "editorial"
    verbose_name = "Editorial: articles and guides"

    def ready(self) -> None:
        from cosmediclist.core import links
        from cosmediclist.editorial.selectors import CHOOSING_A_PRACTITIONER, live_article_url

        # The request form links to this guide once it is live (consultations does not import editorial).
        links.offer(
            "editorial:choosing-a-practitioner",
            lambda request: live_article_url(CHOOSING_A_PRACTITIONER, request=request),
        )
