"""Public catalogue pages: the list with filters, treatments, concerns, body areas, comparison."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from cosmediclist.catalog import compare as comparison
from cosmediclist.catalog.forms import PRICE_BANDS, CompareForm, TreatmentFilterForm
from cosmediclist.catalog.models import BodyArea, Concern, ProcedureType, Treatment, TreatmentConcern
from cosmediclist.catalog.services import COMPARE_SEPARATOR
from cosmediclist.core import origin
from cosmediclist.core.jsonld import json_ld
from cosmediclist.core.pagecache import public_page
from cosmediclist.core.text import describe

SCHEMA_PROCEDURE_TYPES = {
    ProcedureType.NON_INVASIVE: "https://schema.org/NoninvasiveProcedure",
    ProcedureType.MINIMALLY_INVASIVE: "https://schema.org/PercutaneousProcedure",
    ProcedureType.SURGICAL: "https://schema.org/SurgicalProcedure",
}  # schema.org has no ablative type: an ablative treatment's graph names none rather than a wrong one


def _choices(model: type[Concern] | type[BodyArea]) -> list[tuple[str, str]]:
    return [(slug, name) for slug, name in model.objects.values_list("slug", "name")]


def _compare_choices() -> list[tuple[str, str]]:
    return list(Treatment.objects.published().values_list("slug", "name"))


@public_page
@require_safe
def treatment_list(request: HttpRequest) -> HttpResponse:
    form = TreatmentFilterForm(request.GET, concerns=_choices(Concern), areas=_choices(BodyArea))
    if not form.is_valid():
        context = {"form": form, "treatments": [], "filtered": True}
        return render(request, "catalog/treatment_list.html", context, status=400)
    treatments = Treatment.objects.published()
    data = form.cleaned_data
    if data["concern"]:
        treatments = treatments.for_concern(data["concern"])
    if data["area"]:
        treatments = treatments.for_area(data["area"])
    if data["type"]:
        treatments = treatments.of_type(data["type"])
    if data["downtime"]:
        treatments = treatments.downtime_at_most(int(data["downtime"]))
    if data["price"]:
        treatments = treatments.priced_between(*PRICE_BANDS[data["price"]])
    context = {
        "form": form,
        "treatments": list(treatments.distinct().for_cards()),
        "filtered": any(data.values()),
    }
    return render(request, "catalog/treatment_list.html", context)


def procedure_json_ld(request: HttpRequest, treatment: Treatment) -> dict[str, Any]:
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalProcedure",
        "name": treatment.name,
        "description": describe(treatment.summary),
        "url": origin.absolute(treatment.get_absolute_url()),
        "procedureType": SCHEMA_PROCEDURE_TYPES.get(ProcedureType(treatment.procedure_type)),
        "howPerformed": treatment.how_performed,
        "preparation": treatment.preparation,
        "followup": treatment.followup,
        "bodyLocation": ", ".join(area.name for area in treatment.areas.all()),
    }
    return {key: value for key, value in data.items() if key != "procedureType" or value}


@public_page
@require_safe
def treatment_detail(request: HttpRequest, slug: str) -> HttpResponse:
    treatment = get_object_or_404(Treatment.objects.published().for_detail(), slug=slug)
    context = {
        "treatment": treatment,
        "json_ld": json_ld(procedure_json_ld(request, treatment)),
        "paragraphs": [p for p in treatment.description.split("\n\n") if p.strip()],
    }
    return render(request, "catalog/treatment_detail.html", context)


@public_page
@require_safe
def concern_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/concern_list.html", {"concerns": Concern.objects.all()})


@public_page
@require_safe
def concern_detail(request: HttpRequest, slug: str) -> HttpResponse:
    concern = get_object_or_404(Concern, slug=slug)
    links = (
        TreatmentConcern.objects.filter(concern=concern, treatment__is_published=True)
        .select_related("treatment")
        .order_by("treatment__name")
    )
    context = {"concern": concern, "links": links, "treatments": [link.treatment for link in links]}
    return render(request, "catalog/concern_detail.html", context)


@public_page
@require_safe
def area_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/area_list.html", {"areas": BodyArea.objects.all()})


@public_page
@require_safe
def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(BodyArea, slug=slug)
    treatments = Treatment.objects.published().for_area(slug).order_by("name")
    return render(request, "catalog/area_detail.html", {"area": area, "treatments": treatments})


@public_page
@require_safe
def compare_start(request: HttpRequest) -> HttpResponse:
    """The chooser; submitted (GET ?t=…&t=…) it redirects to the comparison's canonical URL."""
    if "t" not in request.GET:
        # ?with=<slug> (from a treatment page) starts the choice with that treatment ticked.
        form = CompareForm(None, treatments=_compare_choices())
        form.fields["t"].initial = request.GET.getlist("with")
        first = request.GET.get("with", "")
        return render(request, "catalog/compare_start.html", {"form": form, "first": first})
    form = CompareForm(request.GET, treatments=_compare_choices())
    if not form.is_valid():
        return render(request, "catalog/compare_start.html", {"form": form}, status=400)
    # The reader's order, with the treatment they started from first: the table keeps it.
    chosen = list(form.cleaned_data["t"])
    first = request.GET.get("first", "")
    if first in chosen:
        chosen = [first] + [slug for slug in chosen if slug != first]
    combo = COMPARE_SEPARATOR.join(chosen)
    return HttpResponseRedirect(reverse("catalog:compare", args=[combo]))


@public_page
@require_safe
def compare(request: HttpRequest, combo: str) -> HttpResponse:
    try:
        slugs = comparison.parse_combo(combo)
        treatments = comparison.load_treatments(slugs)
    except comparison.CompareError as error:
        form = CompareForm(None, treatments=_compare_choices())
        context = {"form": form, "compare_error": error.message}
        return render(request, "catalog/compare_start.html", context, status=error.status)
    context = {
        "treatments": treatments,
        "rows": comparison.rows(treatments),
        # Every order of the same treatments is one page to search engines: the alphabetical one.
        "canonical_path": reverse("catalog:compare", args=[comparison.canonical_combo(slugs)]),
    }
    return render(request, "catalog/compare.html", context)
