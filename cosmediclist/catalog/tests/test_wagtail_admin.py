"""Editors maintain the catalogue in Wagtail's admin: snippet lists with search and filters."""

from __future__ import annotations

import pytest
from django.test import Client

from cosmediclist.catalog.models import Concern
from cosmediclist.catalog.tests.factories import ContraindicationFactory, TreatmentFactory, full_treatment
from cosmediclist.core.models import AuditEvent
from tests.personas import client_for
from tests.worker import run_tasks

pytestmark = pytest.mark.django_db


def test_an_editor_searches_and_filters_treatments(admin) -> None:
    full_treatment(name="Mesotherapy", slug="mesotherapy")
    TreatmentFactory.create(name="Laser resurfacing", slug="laser", procedure_type="minimally_invasive")
    run_tasks()
    client = client_for(admin)
    listing = client.get("/cms/snippets/catalog/treatment/")
    assert listing.status_code == 200
    assert "Mesotherapy" in listing.content.decode() and "Laser resurfacing" in listing.content.decode()
    searched = client.get("/cms/snippets/catalog/treatment/?q=mesotherapy").content.decode()
    assert "Mesotherapy" in searched and "Laser resurfacing" not in searched
    filtered = client.get(
        "/cms/snippets/catalog/treatment/?procedure_type=minimally_invasive"
    ).content.decode()
    assert "Laser resurfacing" in filtered and "Mesotherapy" not in filtered


def test_the_treatment_editor_has_inline_children(admin) -> None:
    treatment = full_treatment(name="Mesotherapy", slug="mesotherapy")
    html = client_for(admin).get(f"/cms/snippets/catalog/treatment/edit/{treatment.pk}/").content.decode()
    for prefix in ("side_effects", "aftercare_steps", "references", "concern_links"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_an_editor_adds_a_concern_and_screening_questions_are_filtered(admin) -> None:
    client = client_for(admin)
    response = client.post(
        "/cms/snippets/catalog/concern/add/",
        {"name": "Rosacea", "slug": "rosacea", "summary": "Facial redness.", "description": ""},
    )
    assert response.status_code == 302
    rosacea = Concern.objects.get(slug="rosacea")
    assert AuditEvent.objects.for_object(rosacea).get().action == "catalog.concern_created"
    assert AuditEvent.objects.for_object(rosacea).get().actor == admin
    ContraindicationFactory.create(question="Are you pregnant?", handling="do_not_treat")
    ContraindicationFactory.create(question="Do you tan?", handling="wait", wait_weeks=4)
    html = client.get("/cms/snippets/catalog/contraindication/?handling=wait").content.decode()
    assert "Do you tan?" in html and "Are you pregnant?" not in html
    html = client.get("/cms/snippets/catalog/contraindication/?q=pregnant").content.decode()
    assert "Are you pregnant?" in html and "Do you tan?" not in html


def test_a_reader_cannot_open_the_catalogue_admin(reader) -> None:
    response = client_for(reader).get("/cms/snippets/catalog/treatment/")
    assert response.status_code in (302, 403)


def test_anonymous_is_sent_to_sign_in(client: Client) -> None:
    assert client.get("/cms/snippets/catalog/treatment/").status_code == 302


@pytest.mark.parametrize("persona", ["editor", "medical_reviewer"])
def test_editors_and_reviewers_maintain_the_catalogue_once_set_up(request, persona: str) -> None:
    from cosmediclist.editorial.services import set_up_editorial

    set_up_editorial()
    user = request.getfixturevalue(persona)
    treatment = TreatmentFactory.create()
    client = client_for(user)
    for path in (
        "treatment/",
        "concern/",
        "bodyarea/",
        "contraindication/",
        f"treatment/edit/{treatment.pk}/",
    ):
        assert client.get(f"/cms/snippets/catalog/{path}").status_code == 200, path


def _edit_data(form) -> dict[str, object]:
    """What the editor's browser would send back unchanged: every field and inline row."""
    data: dict[str, object] = {}

    def add(bound_form) -> None:
        for field in bound_form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple):
                data[field.html_name] = [getattr(v, "pk", v) for v in value]
            else:
                data[field.html_name] = getattr(value, "pk", value)

    add(form)
    for formset in form.formsets.values():
        add(formset.management_form)
        for child in formset.forms:
            add(child)
    return data


def test_the_cms_refuses_a_treatment_slug_with_vs_like_the_catalogue_service(admin) -> None:
    treatment = full_treatment(name="Mesotherapy", slug="mesotherapy")
    client = client_for(admin)
    url = f"/cms/snippets/catalog/treatment/edit/{treatment.pk}/"
    data = _edit_data(client.get(url).context["form"])
    unchanged = client.post(url, data)
    assert unchanged.status_code == 302  # the helper sends a valid form: only the slug below differs
    data["slug"] = "botox-vs-fillers"
    data["sessions_max"] = 0
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "A treatment slug cannot contain" in page
    assert "Must be at least the lowest value" in page
    treatment.refresh_from_db()
    assert treatment.slug == "mesotherapy"


def test_the_cms_refuses_a_wait_question_without_weeks(admin) -> None:
    response = client_for(admin).post(
        "/cms/snippets/catalog/contraindication/add/",
        {"slug": "tan", "question": "Do you have a tan?", "handling": "wait", "wait_weeks": ""},
    )
    assert response.status_code == 200
    assert "Say how many weeks to wait." in response.content.decode()
