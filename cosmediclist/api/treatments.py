"""API: the treatment catalogue, read-only (treatments with their facts, and concerns)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from cosmediclist.api.errors import NOT_FOUND
from cosmediclist.catalog.models import Concern, Treatment, TreatmentConcern
from cosmediclist.core.text import PlainText

router = Router(tags=["treatments"])


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
    pain_score: int
    sessions: RangeOut
    session_minutes: RangeOut
    interval_weeks: RangeOut
    downtime_days: RangeOut
    results_months: RangeOut
    price_gbp: RangeOut
    is_adults_only: bool
    evidence_level: str
    url: str
    concerns: list[ConcernLinkOut]
    areas: list[str]


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


class TreatmentDetailOut(TreatmentOut):
    description: str
    evidence_note: str
    how_performed: str
    preparation: str
    followup: str
    last_reviewed_on: str | None
    side_effects: list[SideEffectOut]
    aftercare: list[AftercareOut]
    references: list[ReferenceOut]
    screening_questions: list[ScreeningOut]


class ConcernOut(Schema):
    slug: str
    name: str
    summary: str
    url: str


class ConcernTreatmentOut(Schema):
    slug: str
    name: str
    summary: str
    how_it_helps: str


class ConcernDetailOut(ConcernOut):
    description: str
    treatments: list[ConcernTreatmentOut]


class TreatmentFilters(Schema):
    concern: PlainText | None = None
    area: PlainText | None = None


def _range(t: Treatment, prefix: str) -> RangeOut:
    return RangeOut(min=getattr(t, f"{prefix}_min"), max=getattr(t, f"{prefix}_max"))


def _card(t: Treatment) -> dict[str, object]:
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
        "url": t.get_absolute_url(),
        "concerns": [
            ConcernLinkOut(slug=c.concern.slug, name=c.concern.name, how_it_helps=c.how_it_helps)
            for c in t.concern_links.all()
        ],
        "areas": [a.slug for a in t.areas.all()],
    }


@router.get("/treatments", response=list[TreatmentOut], summary="Published treatments with their facts")
def list_treatments(request: HttpRequest, filters: Query[TreatmentFilters]) -> list[TreatmentOut]:
    treatments = Treatment.objects.published()
    if filters.concern:
        treatments = treatments.for_concern(filters.concern)
    if filters.area:
        treatments = treatments.for_area(filters.area)
    return [TreatmentOut(**_card(t)) for t in treatments.distinct().for_cards()]  # type: ignore[arg-type]


@router.get(
    "/treatments/{slug}", response={200: TreatmentDetailOut, **NOT_FOUND}, summary="One treatment in full"
)
def get_treatment(request: HttpRequest, slug: str) -> TreatmentDetailOut:
    t = get_object_or_404(Treatment.objects.published().for_detail(), slug=slug)
    return TreatmentDetailOut(
        **_card(t),  # type: ignore[arg-type]
        description=t.description,
        evidence_note=t.evidence_note,
        how_performed=t.how_performed,
        preparation=t.preparation,
        followup=t.followup,
        last_reviewed_on=t.last_reviewed_on.isoformat() if t.last_reviewed_on else None,
        side_effects=[
            SideEffectOut(name=e.name, frequency=e.frequency, note=e.note) for e in t.side_effects.all()
        ],
        aftercare=[
            AftercareOut(after_hours=a.after_hours, timing_label=a.timing_label, instruction=a.instruction)
            for a in t.aftercare_steps.all()
        ],
        references=[
            ReferenceOut(title=r.title, publisher=r.publisher, year=r.year, link=r.link)
            for r in t.references.all()
        ],
        screening_questions=[
            ScreeningOut(slug=c.slug, question=c.question, handling=c.handling, wait_weeks=c.wait_weeks)
            for c in t.contraindications.all()
        ],
    )


@router.get("/concerns", response=list[ConcernOut], summary="Concerns: what a person wants to change")
def list_concerns(request: HttpRequest) -> list[ConcernOut]:
    return [
        ConcernOut(slug=c.slug, name=c.name, summary=c.summary, url=c.get_absolute_url())
        for c in Concern.objects.all()
    ]


@router.get(
    "/concerns/{slug}",
    response={200: ConcernDetailOut, **NOT_FOUND},
    summary="A concern and the treatments that can help",
)
def get_concern(request: HttpRequest, slug: str) -> ConcernDetailOut:
    concern = get_object_or_404(Concern, slug=slug)
    links = (
        TreatmentConcern.objects.filter(concern=concern, treatment__is_published=True)
        .select_related("treatment")
        .order_by("treatment__name")
    )
    return ConcernDetailOut(
        slug=concern.slug,
        name=concern.name,
        summary=concern.summary,
        url=concern.get_absolute_url(),
        description=concern.description,
        treatments=[
            ConcernTreatmentOut(
                slug=link.treatment.slug,
                name=link.treatment.name,
                summary=link.treatment.summary,
                how_it_helps=link.how_it_helps,
            )
            for link in links
        ],
    )
