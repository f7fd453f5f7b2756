"""Reads for pages: a clinic's review section, a treatment's verdicts and measured outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, Sum

from cosmediclist.catalog.models import Treatment
from cosmediclist.reviews.models import ClinicRating, OutcomeCheckIn, Review, VerdictTally, Visible

PER_PAGE = 10
# Aggregates of check-in answers are shown only from this many patients (privacy and noise).
MINIMUM_PATIENTS = 5
SORTS = {"newest": ("-published_at", "-id"), "helpful": ("-helpful_count", "-published_at", "-id")}


@dataclass(frozen=True)
class Measured:
    treatment_name: str
    months: int
    still_visible: int
    patients: int

    @property
    def percent(self) -> int:
        return round(100 * self.still_visible / self.patients)


@dataclass(frozen=True)
class Share:
    worth_it: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.worth_it / self.total) if self.total else 0


@dataclass
class ClinicReviews:
    summary: ClinicRating | None
    page: Page[Review]
    shares: list[tuple[Treatment, Share]]
    measured: list[list[Measured]]
    treatment: str = ""
    rating: int | None = None
    sort: str = "newest"
    filters: dict[str, Any] = field(default_factory=dict)


def measured_outcomes(
    *, treatment: Treatment | None = None, clinic_id: int | None = None
) -> dict[int, list[Measured]]:
    """{treatment id: [Measured per milestone with at least MINIMUM_PATIENTS answers]}; one query."""
    answered = OutcomeCheckIn.objects.answered()
    if treatment is not None:
        answered = answered.filter(treatment=treatment)
    if clinic_id is not None:
        answered = answered.filter(clinic_id=clinic_id)
    rows = (
        answered.values("treatment_id", "treatment__name", "months")
        .annotate(n=Count("pk"), still=Count("pk", filter=Q(visible__in=[Visible.FULLY, Visible.PARTLY])))
        .filter(n__gte=MINIMUM_PATIENTS)
        .order_by("treatment_id", "months")
    )
    found: dict[int, list[Measured]] = {}
    for row in rows:
        found.setdefault(row["treatment_id"], []).append(
            Measured(row["treatment__name"], row["months"], row["still"], row["n"])
        )
    return found


def worth_it_share(treatment: Treatment) -> Share:
    """The "worth it" share of published reviews of a treatment, across every clinic; one query."""
    totals = VerdictTally.objects.filter(treatment=treatment).aggregate(
        worth=Sum("worth_it"), unsure=Sum("not_sure"), not_worth=Sum("not_worth_it")
    )
    worth = totals["worth"] or 0
    return Share(worth, worth + (totals["unsure"] or 0) + (totals["not_worth"] or 0))


def clinic_reviews(clinic: Any, params: dict[str, str]) -> ClinicReviews:
    """The clinic page's review section: four queries whatever the number of reviews (summary,
    verdict tallies, the page of reviews with treatment and reply, measured outcomes; and a page
    count when filtered); two (summary, measured outcomes) while the clinic has no published review."""
    summary = ClinicRating.objects.filter(clinic=clinic).first()
    if summary is None or not summary.review_count:
        return ClinicReviews(
            summary=None,
            page=Paginator(Review.objects.none(), PER_PAGE).get_page(1),
            shares=[],
            measured=list(measured_outcomes(clinic_id=clinic.pk).values()),
        )
    tallies = list(
        VerdictTally.objects.filter(clinic=clinic).select_related("treatment").order_by("treatment__name")
    )
    treatments = {t.treatment.slug: t.treatment for t in tallies}
    reviews = Review.objects.approved().filter(clinic=clinic).for_listing()
    chosen = params.get("treatment", "")
    if chosen in treatments:
        reviews = reviews.filter(treatment=treatments[chosen])
    else:
        chosen = ""
    rating = int(params["rating"]) if params.get("rating", "") in {"1", "2", "3", "4", "5"} else None
    if rating is not None:
        reviews = reviews.filter(rating=rating)
    sort = params.get("sort", "newest") if params.get("sort") in SORTS else "newest"
    paginator = Paginator(reviews.order_by(*SORTS[sort]), PER_PAGE)
    if not chosen and rating is None:
        # Unfiltered, the summary (kept by the review services) already counts them: no COUNT query.
        paginator.count = summary.review_count
    page = paginator.get_page(params.get("page"))
    return ClinicReviews(
        summary=summary,
        page=page,
        shares=[(t.treatment, Share(t.worth_it, t.total)) for t in tallies if t.total],
        measured=list(measured_outcomes(clinic_id=clinic.pk).values()),
        treatment=chosen,
        rating=rating,
        sort=sort,
        filters={"treatments": sorted(treatments.values(), key=lambda t: t.name)},
    )
