from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CatalogConfig(AppConfig):
    name = "cosmediclist.catalog"
    label = "catalog"
    verbose_name = "Treatment catalogue"

    def ready(self) -> None:
        from cosmediclist.catalog import terms
        from cosmediclist.catalog.models import BodyArea, Concern, Treatment
        from cosmediclist.core.search import vocabulary_changed

        for model in (Treatment, Concern):
            post_save.connect(terms.forget, sender=model, dispatch_uid=f"catalog-terms-save-{model.__name__}")
            post_delete.connect(
                terms.forget, sender=model, dispatch_uid=f"catalog-terms-delete-{model.__name__}"
            )
        for model in (Treatment, Concern, BodyArea):
            post_save.connect(
                vocabulary_changed, sender=model, dispatch_uid=f"catalog-vocab-save-{model.__name__}"
            )
            post_delete.connect(
                vocabulary_changed, sender=model, dispatch_uid=f"catalog-vocab-delete-{model.__name__}"
            )
