"""The catalogue in Wagtail's admin: editors maintain treatments, concerns, areas and screening questions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cosmediclist.catalog import services
from cosmediclist.catalog.models import BodyArea, Concern, Contraindication, Treatment
from cosmediclist.core import audit


def _report(form: forms.BaseForm, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        if field not in form.fields:
            form.add_error(None, messages)
        elif field not in form.errors:
            form.add_error(field, messages)


class TreatmentForm(WagtailAdminModelForm):  # type: ignore[misc]
    """The CMS editor applies the catalogue service's rules (the "-vs-" slug, sensible ranges)."""

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        try:
            services.check_treatment(slug=str(data.get("slug") or ""), facts=data)
        except ValidationError as error:
            _report(self, error)
        return data


class ContraindicationForm(WagtailAdminModelForm):  # type: ignore[misc]
    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        try:
            services.check_contraindication(
                handling=str(data.get("handling") or ""), wait_weeks=data.get("wait_weeks")
            )
        except ValidationError as error:
            _report(self, error)
        return data


def _range(prefix: str, heading: str) -> FieldRowPanel:
    return FieldRowPanel([FieldPanel(f"{prefix}_min"), FieldPanel(f"{prefix}_max")], heading=heading)


# Treatments, concerns and areas are indexed models: the admin's search box uses the same
# search index as the site (naming fields here breaks the SQLite FTS backend).
class TreatmentViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Treatment
    icon = "form"
    menu_label = "Treatments"
    list_display = ["name", "category", "procedure_type", "evidence_level", "is_published", "updated_at"]
    list_filter = ["category", "procedure_type", "evidence_level", "is_published", "concerns", "areas"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("also_known_as"),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("procedure_type")]),
                    FieldPanel("is_published"),
                ],
                heading="Treatment",
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("anaesthesia"), FieldPanel("pain_score")]),
                    _range("sessions", "Sessions"),
                    _range("session_minutes", "Minutes per session"),
                    _range("interval_weeks", "Weeks between sessions"),
                    _range("downtime_days", "Downtime in days"),
                    _range("results_months", "Results last, months"),
                    _range("price_gbp", "Typical UK price per session, £"),
                    FieldPanel("is_adults_only"),
                    MultiFieldPanel(
                        [FieldPanel("how_performed"), FieldPanel("preparation"), FieldPanel("followup")],
                        heading="Procedure",
                    ),
                ],
                heading="Facts",
            ),
            ObjectList(
                [
                    FieldPanel("evidence_level"),
                    FieldPanel("evidence_note"),
                    FieldPanel("last_reviewed_on"),
                    InlinePanel("references", heading="References", label="Reference"),
                ],
                heading="Evidence",
            ),
            ObjectList(
                [
                    InlinePanel("concern_links", heading="Concerns", label="Concern"),
                    FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                ],
                heading="Concerns and areas",
            ),
            ObjectList(
                [
                    InlinePanel("side_effects", heading="Side effects", label="Side effect"),
                    InlinePanel("aftercare_steps", heading="Aftercare", label="Aftercare step"),
                ],
                heading="Side effects and aftercare",
            ),
        ],
        base_form_class=TreatmentForm,
    )


class ConcernViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Concern
    icon = "help"
    menu_label = "Concerns"
    list_display = ["name", "slug"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("also_known_as"),
    ]


class BodyAreaViewSet(SnippetViewSet):  # type: ignore[misc]
    model = BodyArea
    icon = "user"
    menu_label = "Body areas"
    list_display = ["name", "slug"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary")]


class ContraindicationViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Contraindication
    icon = "warning"
    menu_label = "Screening questions"
    list_display = ["question", "handling", "wait_weeks"]
    list_filter = ["handling", "treatments"]
    search_fields = ["question", "help_text", "explanation"]
    edit_handler = ObjectList(
        [
            FieldPanel("slug"),
            FieldPanel("question"),
            FieldPanel("help_text"),
            FieldRowPanel([FieldPanel("handling"), FieldPanel("wait_weeks")]),
            FieldPanel("explanation"),
            FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=ContraindicationForm,
    )


class CatalogueGroup(SnippetViewSetGroup):  # type: ignore[misc]
    menu_label = "Catalogue"
    menu_icon = "list-ul"
    menu_order = 200
    items = (TreatmentViewSet, ConcernViewSet, BodyAreaViewSet, ContraindicationViewSet)


register_snippet(CatalogueGroup)


# Edits made in the CMS go through Wagtail's forms, not catalog.services: record them in the
# site's audit log too, so that every change to the catalogue has an actor and an action.
CATALOGUE_MODELS = (Treatment, Concern, BodyArea, Contraindication)


def _audit(request: HttpRequest, instances: list[Model], verb: str) -> None:
    for instance in instances:
        if isinstance(instance, CATALOGUE_MODELS):
            audit.record(
                actor=request.user, action=f"catalog.{instance._meta.model_name}_{verb}", obj=instance
            )


@hooks.register("after_create_snippet")  # type: ignore[untyped-decorator]
def audit_created(request: HttpRequest, instance: Model) -> None:
    _audit(request, [instance], "created")


@hooks.register("after_edit_snippet")  # type: ignore[untyped-decorator]
def audit_edited(request: HttpRequest, instance: Model) -> None:
    _audit(request, [instance], "edited")


@hooks.register("after_delete_snippet")  # type: ignore[untyped-decorator]
def audit_deleted(request: HttpRequest, instances: list[Model]) -> None:
    _audit(request, instances, "deleted")
