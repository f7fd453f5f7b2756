"""API: the treatment catalogue, read-only: treatments, concerns, body areas and comparisons."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints

from cosmediclist.api import auth, pagination
from cosmediclist.api.conditional import conditional_get
from cosmediclist.api.errors import INVALID, NOT_FOUND, NOT_MODIFIED, FieldError, UnknownName
from cosmediclist.api.pagination import Paged, PageIn
from cosmediclist.catalog import compare as comparison
from cosmediclist.catalog import facts
from cosmediclist.catalog.forms import PRICE_BANDS
from cosmediclist.catalog.models import BodyArea, Concern, ProcedureType, Treatment, TreatmentConcern
from cosmediclist.core.origin import absolute
from cosmediclist.core.text import PlainText
from cosmediclist.reviews.selectors import MINIMUM_PATIENTS, measured_outcomes, worth_it_share

router = Router(tags=["catalogue"], auth=auth.READ)
router.add_decorator(conditional_get, mode="view")


class RangeOut(Schema):
    min: int | None
    max: int | None


class ConcernLinkOut(Schema):
    slug: str
    name: str
    how_it_helps: str


class TreatmentOut(Schema):
    slug: str
    name: str
    summary: str
    category: str
    procedure_type: str
    anaesthesia: str
    pain_score: int = Field(description="Typical discomfort, 0 (none) to 10.")
    sessions: RangeOut
    session_minutes: RangeOut
    interval_weeks: RangeOut = Field(description="Null min and max: usually a single session.")
    downtime_days: RangeOut
    results_months: RangeOut = Field(description="Null min and max: long-lasting.")
    price_gbp: RangeOut = Field(description="Typical UK price per session, in pounds.")
    is_adults_only: bool
    evidence_level: str
    url: str = Field(description="The treatment's page on the site (absolute).")
    api_url: str
    concerns: list[ConcernLinkOut]
    areas: list[str]


class FactOut(Schema):
    key: str
    label: str
    value: str = Field(description="The fact in plain words, as the site's at-a-glance box shows it.")


class SideEffectOut(Schema):
    name: str
    frequency: str
    note: str


class AftercareOut(Schema):
    after_hours: int
    timing_label: str
    instruction: str


class ReferenceOut(Schema):
    title: str
    publisher: str
    year: int | None
    link: str


class ScreeningOut(Schema):
    slug: str
    question: str
    handling: str
    wait_weeks: int | None


class MeasuredOut(Schema):
    months: int = Field(description="Months after the last session.")
    patients: int = Field(description=f"Patients who answered (figures shown from {MINIMUM_PATIENTS}).")
    still_visible: int
    percent: int


class WorthItOut(Schema):
    reviews: int = Field(description="Published reviews of this treatment, at every clinic.")
    worth_it: int
    percent: int


class TreatmentDetailOut(TreatmentOut):
    description: str
    evidence_note: str
    how_performed: str
    preparation: str
    followup: str
    last_reviewed_on: str | None
    at_a_glance: list[FactOut]
    side_effects: list[SideEffectOut]
    aftercare: list[AftercareOut]
    references: list[ReferenceOut]
    screening_questions: list[ScreeningOut]
    measured_outcomes: list[MeasuredOut] = Field(
        description="Whether results were still visible at 3, 6 and 12 months, from patients' check-ins."
    )
    worth_it: WorthItOut
    reviews_url: str


class ConcernOut(Schema):
    slug: str
    name: str
    summary: str
    url: str
    api_url: str


class ConcernTreatmentOut(Schema):
    slug: str
    name: str
    summary: str
    how_it_helps: str
    api_url: str


class ConcernDetailOut(ConcernOut):
    description: str
    treatments: list[ConcernTreatmentOut]


class AreaOut(Schema):
    slug: str
    name: str
    summary: str
    url: str
    api_url: str


class AreaTreatmentOut(Schema):
    slug: str
    name: str
    summary: str
    api_url: str


class AreaDetailOut(AreaOut):
    treatments: list[AreaTreatmentOut]


class CompareRowOut(Schema):
    key: str
    label: str
    values: list[str] = Field(description="One value per treatment, in the order of ``treatments``.")
    differs: bool


class ComparisonOut(Schema):
    url: str = Field(description="The comparison's page on the site (canonical order).")
    treatments: list[TreatmentOut]
    rows: list[CompareRowOut]


class TreatmentFilters(Schema):
    concern: PlainText | None = Field(None, description="A concern's slug.")
    area: PlainText | None = Field(None, description="A body area's slug.")
    type: ProcedureType | None = Field(None, description="Procedure type.")
    downtime: int | None = Field(None, ge=0, le=365, description="At most this many days of downtime.")
    price: Literal["under-150", "150-400", "400-plus"] | None = Field(
        None, description="Price band per session, in pounds."
    )


Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]+$", max_length=120)]


class CompareIn(Schema):
    t: list[Slug] = Field(
        min_length=2,
        max_length=4,
        json_schema_extra={"uniqueItems": True},
        description="Two to four different treatment slugs.",
    )


def api_link(path: str) -> str:
    return absolute("/api/v1" + path)


def _range(t: Treatment, prefix: str) -> RangeOut:
    return RangeOut(min=getattr(t, f"{prefix}_min"), max=getattr(t, f"{prefix}_max"))


def card(t: Treatment) -> dict[str, Any]:
    """A treatment with its facts; needs ``for_cards()`` (concern links and areas prefetched)."""
    return {
        "slug": t.slug,
        "name": t.name,
        "summary": t.summary,
        "category": t.category,
        "procedure_type": t.procedure_type,
        "anaesthesia": t.anaesthesia,
        "pain_score": t.pain_score,
        **{p: _range(t, p) for p in ("sessions", "session_minutes", "interval_weeks")},
        **{p: _range(t, p) for p in ("downtime_days", "results_months", "price_gbp")},
        "is_adults_only": t.is_adults_only,
        "evidence_level": t.evidence_level,
        "url": absolute(t.get_absolute_url()),
        "api_url": api_link(f"/treatments/{t.slug}"),
        "concerns": [
            ConcernLinkOut(slug=c.concern.slug, name=c.concern.name, how_it_helps=c.how_it_helps)
            for c in t.concern_links.all()
        ],
        "areas": [a.slug for a in t.areas.all()],
    }


@router.get(
    "/treatments",
    response={200: Paged[TreatmentOut], **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="Published treatments with their facts, filtered as the catalogue page filters them",
)
def list_treatments(
    request: HttpRequest, filters: Query[TreatmentFilters], paging: Query[PageIn]
) -> dict[str, Any]:
    """Four queries whatever the page size (count, page, concerns, areas), one more per slug filter."""
    treatments = Treatment.objects.published()
    if filters.concern:
        if not Concern.objects.filter(slug=filters.concern).exists():
            raise UnknownName("concern", "No concern has this slug.")
        treatments = treatments.for_concern(filters.concern)
    if filters.area:
        if not BodyArea.objects.filter(slug=filters.area).exists():
            raise UnknownName("area", "No body area has this slug.")
        treatments = treatments.for_area(filters.area)
    if filters.type:
        treatments = treatments.of_type(filters.type)
    if filters.downtime is not None:
        treatments = treatments.downtime_at_most(filters.downtime)
    if filters.price:
        treatments = treatments.priced_between(*PRICE_BANDS[filters.price])
    treatments = treatments.distinct()
    count = treatments.count()
    chosen = treatments.for_cards()[paging.start : paging.end] if count > paging.start else []
    return pagination.page(request, paging, [card(t) for t in chosen], count)


@router.get(
    "/treatments/{slug}",
    response={200: TreatmentDetailOut, **NOT_MODIFIED, **NOT_FOUND},
    summary="One treatment in full: facts, side effects, aftercare, references, measured outcomes",
)
def get_treatment(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Nine queries: the treatment and its six kinds of children, the outcomes, the verdicts."""
    t = get_object_or_404(Treatment.objects.published().for_detail(), slug=slug)
    share = worth_it_share(t)
    return {
        **card(t),
        "description": t.description,
        "evidence_note": t.evidence_note,
        "how_performed": t.how_performed,
        "preparation": t.preparation,
        "followup": t.followup,
        "last_reviewed_on": t.last_reviewed_on.isoformat() if t.last_reviewed_on else None,
        "at_a_glance": [FactOut(key=f.key, label=f.label, value=f.value) for f in facts.at_a_glance(t)],
        "side_effects": [
            SideEffectOut(name=e.name, frequency=e.frequency, note=e.note) for e in t.side_effects.all()
        ],
        "aftercare": [
            AftercareOut(after_hours=a.after_hours, timing_label=a.timing_label, instruction=a.instruction)
            for a in t.aftercare_steps.all()
        ],
        "references": [
            ReferenceOut(title=r.title, publisher=r.publisher, year=r.year, link=r.link)
            for r in t.references.all()
        ],
        "screening_questions": [
            ScreeningOut(slug=c.slug, question=c.question, handling=c.handling, wait_weeks=c.wait_weeks)
            for c in t.contraindications.all()
        ],
        "measured_outcomes": [
            MeasuredOut(
                months=m.months, patients=m.patients, still_visible=m.still_visible, percent=m.percent
            )
            for m in measured_outcomes(treatment=t).get(t.pk, [])
        ],
        "worth_it": WorthItOut(reviews=share.total, worth_it=share.worth_it, percent=share.percent),
        "reviews_url": api_link(f"/treatments/{t.slug}/reviews"),
    }


def _concern(c: Concern) -> dict[str, Any]:
    return {
        "slug": c.slug,
        "name": c.name,
        "summary": c.summary,
        "url": absolute(c.get_absolute_url()),
        "api_url": api_link(f"/concerns/{c.slug}"),
    }


@router.get(
    "/concerns",
    response={200: Paged[ConcernOut], **NOT_MODIFIED, **INVALID},
    summary="Concerns: what a person wants to change",
)
def list_concerns(request: HttpRequest, paging: Query[PageIn]) -> dict[str, Any]:
    """Two queries whatever the page size."""
    concerns = Concern.objects.all()
    count = concerns.count()
    items = [_concern(c) for c in concerns[paging.start : paging.end]] if count > paging.start else []
    return pagination.page(request, paging, items, count)


@router.get(
    "/concerns/{slug}",
    response={200: ConcernDetailOut, **NOT_MODIFIED, **NOT_FOUND},
    summary="A concern and the treatments that can help",
)
def get_concern(request: HttpRequest, slug: str) -> dict[str, Any]:
    concern = get_object_or_404(Concern, slug=slug)
    links = (
        TreatmentConcern.objects.filter(concern=concern, treatment__is_published=True)
        .select_related("treatment")
        .order_by("treatment__name")
    )
    return {
        **_concern(concern),
        "description": concern.description,
        "treatments": [
            ConcernTreatmentOut(
                slug=link.treatment.slug,
                name=link.treatment.name,
                summary=link.treatment.summary,
                how_it_helps=link.how_it_helps,
                api_url=api_link(f"/treatments/{link.treatment.slug}"),
            )
            for link in links
        ],
    }


def _area(a: BodyArea) -> dict[str, Any]:
    return {
        "slug": a.slug,
        "name": a.name,
        "summary": a.summary,
        "url": absolute(a.get_absolute_url()),
        "api_url": api_link(f"/areas/{a.slug}"),
    }


@router.get(
    "/areas",
    response={200: Paged[AreaOut], **NOT_MODIFIED, **INVALID},
    summary="Body areas",
)
def list_areas(request: HttpRequest, paging: Query[PageIn]) -> dict[str, Any]:
    """Two queries whatever the page size."""
    areas = BodyArea.objects.all()
    count = areas.count()
    items = [_area(a) for a in areas[paging.start : paging.end]] if count > paging.start else []
    return pagination.page(request, paging, items, count)


@router.get(
    "/areas/{slug}",
    response={200: AreaDetailOut, **NOT_MODIFIED, **NOT_FOUND},
    summary="A body area and the treatments for it",
)
def get_area(request: HttpRequest, slug: str) -> dict[str, Any]:
    area = get_object_or_404(BodyArea, slug=slug)
    treatments = Treatment.objects.published().for_area(slug).order_by("name")
    return {
        **_area(area),
        "treatments": [
            AreaTreatmentOut(
                slug=t.slug, name=t.name, summary=t.summary, api_url=api_link(f"/treatments/{t.slug}")
            )
            for t in treatments
        ],
    }


@router.get(
    "/compare",
    response={200: ComparisonOut, **NOT_MODIFIED, **NOT_FOUND, **INVALID},
    summary="Two to four treatments side by side (?t=a&t=b…)",
)
def compare(request: HttpRequest, params: Query[CompareIn]) -> dict[str, Any]:
    """The comparison page's table as data, in the order asked. Three queries."""
    slugs = list(params.t)
    try:
        comparison.check_slugs(slugs)
        treatments = comparison.load_treatments(slugs)
    except comparison.CompareError as error:
        if error.status == 404:
            raise UnknownName("t", error.message) from None
        raise FieldError("t", error.message) from None
    combo = comparison.canonical_combo(slugs)
    return {
        "url": absolute(reverse("catalog:compare", args=[combo])),
        "treatments": [card(t) for t in treatments],
        "rows": [
            CompareRowOut(key=r.key, label=r.label, values=r.values, differs=r.differs)
            for r in comparison.rows(treatments)
        ],
    }
