"""The treatment catalogue: the single source of treatment facts for every page and the API."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelsearch import index

from cosmediclist.core.models import TimeStampedModel


class ProcedureType(models.TextChoices):
    NON_INVASIVE = "non_invasive", "Non-invasive"
    MINIMALLY_INVASIVE = "minimally_invasive", "Minimally invasive"
    # Removes (vaporises) layers of skin, as resurfacing lasers do: days of healing, not "minimally invasive".
    ABLATIVE = "ablative", "Ablative (removes layers of skin)"
    SURGICAL = "surgical", "Surgical"


class Anaesthesia(models.TextChoices):
    NONE = "none", "None"
    TOPICAL = "topical", "Numbing cream"
    LOCAL = "local", "Local anaesthetic"
    SEDATION = "sedation", "Sedation"
    GENERAL = "general", "General anaesthetic"


class EvidenceLevel(models.TextChoices):
    STRONG = "strong", "Strong evidence"
    MODERATE = "moderate", "Moderate evidence"
    LIMITED = "limited", "Limited evidence"
    VERY_LIMITED = "very_limited", "Very limited evidence"


class Category(models.TextChoices):
    SKIN_REJUVENATION = "skin-rejuvenation", "Skin rejuvenation"
    INJECTABLES = "injectables", "Injectables"
    LASERS_AND_LIGHT = "lasers-and-light", "Lasers and light"
    BODY_CONTOURING = "body-contouring", "Body contouring"
    HAIR_REMOVAL = "hair-removal", "Hair removal"
    LIFTING_AND_TIGHTENING = "lifting-and-tightening", "Lifting and tightening"


class Handling(models.TextChoices):
    DO_NOT_TREAT = "do_not_treat", "Do not treat"
    CLINICIAN_REVIEW = "clinician_review", "Needs clinician review"
    WAIT = "wait", "Wait before treating"


class Frequency(models.TextChoices):
    COMMON = "common", "Common"
    UNCOMMON = "uncommon", "Uncommon"
    RARE = "rare", "Rare"


def _range_constraints(prefix: str, *, nullable: bool = False) -> list[models.BaseConstraint]:
    low, high = f"{prefix}_min", f"{prefix}_max"
    order = Q(**{f"{low}__lte": F(high)})
    non_negative = Q(**{f"{low}__gte": 0})
    if nullable:
        both_or_none = Q(**{f"{low}__isnull": True, f"{high}__isnull": True}) | Q(
            **{f"{low}__isnull": False, f"{high}__isnull": False}
        )
        order = order | Q(**{f"{low}__isnull": True})
        non_negative = non_negative | Q(**{f"{low}__isnull": True})
        extra = [
            models.CheckConstraint(condition=both_or_none, name=f"catalog_treatment_{prefix}_both_or_none")
        ]
    else:
        extra = []
    return [
        models.CheckConstraint(condition=order, name=f"catalog_treatment_{prefix}_min_le_max"),
        models.CheckConstraint(condition=non_negative, name=f"catalog_treatment_{prefix}_non_negative"),
        *extra,
    ]


class BodyArea(index.Indexed, models.Model):  # type: ignore[misc]
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(max_length=200, blank=True)

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:area-detail", args=[self.slug])


ALSO_KNOWN_AS_HELP = (
    "Other words people search for, one per line or separated by commas: everyday names, "
    "trade names, common misspellings. The site search leads them here; they are not shown."
)


def names_in(text: str) -> list[str]:
    """The non-empty names in an "also known as" field (one per line or comma-separated)."""
    return [name.strip() for line in text.splitlines() for name in line.split(",") if name.strip()]


class Concern(index.Indexed, models.Model):  # type: ignore[misc]
    """What a person wants to change, such as stretch marks or hair loss."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    also_known_as = models.TextField(blank=True, max_length=2000, help_text=ALSO_KNOWN_AS_HELP)

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:concern-detail", args=[self.slug])


class TreatmentQuerySet(models.QuerySet["Treatment"]):
    def published(self) -> TreatmentQuerySet:
        return self.filter(is_published=True)

    def for_cards(self) -> TreatmentQuerySet:
        """What a list or comparison of treatments shows, fetched in a fixed number of queries."""
        return self.prefetch_related(
            models.Prefetch(
                "concern_links",
                queryset=TreatmentConcern.objects.select_related("concern").order_by("concern__name"),
            ),
            "areas",
        )

    def for_detail(self) -> TreatmentQuerySet:
        """Everything the treatment page shows: the cards' data plus the children, 7 queries."""
        return self.for_cards().prefetch_related(
            "side_effects", "aftercare_steps", "references", "contraindications"
        )

    def for_concern(self, slug: str) -> TreatmentQuerySet:
        return self.filter(concern_links__concern__slug=slug)

    def for_area(self, slug: str) -> TreatmentQuerySet:
        return self.filter(areas__slug=slug)

    def of_type(self, procedure_type: str) -> TreatmentQuerySet:
        return self.filter(procedure_type=procedure_type)

    def downtime_at_most(self, days: int) -> TreatmentQuerySet:
        return self.filter(downtime_days_max__lte=days)

    def priced_between(self, low: int, high: int | None) -> TreatmentQuerySet:
        """Treatments whose typical price range overlaps [low, high) pounds (high None: no cap)."""
        matching = self.filter(price_gbp_max__gte=low)
        return matching if high is None else matching.filter(price_gbp_min__lt=high)


class Treatment(index.Indexed, ClusterableModel, TimeStampedModel):  # type: ignore[misc]
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=200, help_text="One line that says what it is.")
    description = models.TextField(blank=True)
    also_known_as = models.TextField(blank=True, max_length=2000, help_text=ALSO_KNOWN_AS_HELP)
    category = models.CharField(max_length=40, choices=Category.choices)
    procedure_type = models.CharField(max_length=20, choices=ProcedureType.choices)
    anaesthesia = models.CharField(max_length=20, choices=Anaesthesia.choices)
    pain_score = models.PositiveSmallIntegerField(
        help_text="Typical discomfort on a 0–10 scale: 0 none, 10 the worst imaginable."
    )
    sessions_min = models.PositiveSmallIntegerField()
    sessions_max = models.PositiveSmallIntegerField()
    session_minutes_min = models.PositiveSmallIntegerField()
    session_minutes_max = models.PositiveSmallIntegerField()
    interval_weeks_min = models.PositiveSmallIntegerField(null=True, blank=True)
    interval_weeks_max = models.PositiveSmallIntegerField(null=True, blank=True)
    downtime_days_min = models.PositiveSmallIntegerField(default=0)
    downtime_days_max = models.PositiveSmallIntegerField(default=0)
    results_months_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty when results are long-lasting or permanent."
    )
    results_months_max = models.PositiveSmallIntegerField(null=True, blank=True)
    price_gbp_min = models.PositiveIntegerField(help_text="Typical UK price per session, in pounds.")
    price_gbp_max = models.PositiveIntegerField()
    is_adults_only = models.BooleanField(default=True)
    evidence_level = models.CharField(max_length=20, choices=EvidenceLevel.choices)
    evidence_note = models.TextField(help_text="What the evidence says, in plain language.")
    how_performed = models.TextField(blank=True)
    preparation = models.TextField(blank=True)
    followup = models.TextField(blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    is_published = models.BooleanField(default=True)
    concerns = models.ManyToManyField(Concern, through="TreatmentConcern", related_name="treatments")
    areas = models.ManyToManyField(BodyArea, related_name="treatments", blank=True)

    objects = TreatmentQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("evidence_note"),
        index.RelatedFields("concerns", [index.SearchField("name")]),
        index.RelatedFields("areas", [index.SearchField("name")]),
        index.FilterField("is_published"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            *_range_constraints("sessions"),
            *_range_constraints("session_minutes"),
            *_range_constraints("interval_weeks", nullable=True),
            *_range_constraints("downtime_days"),
            *_range_constraints("results_months", nullable=True),
            *_range_constraints("price_gbp"),
            models.CheckConstraint(condition=Q(pain_score__lte=10), name="catalog_treatment_pain_score_0_10"),
            models.CheckConstraint(
                condition=Q(sessions_min__gte=1), name="catalog_treatment_sessions_at_least_one"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:treatment-detail", args=[self.slug])


class TreatmentConcern(models.Model):
    treatment = ParentalKey(Treatment, on_delete=models.CASCADE, related_name="concern_links")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="treatment_links")
    how_it_helps = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["treatment", "concern"], name="catalog_treatment_concern_unique")
        ]

    def __str__(self) -> str:
        return f"{self.treatment} for {self.concern}"


class SideEffect(models.Model):
    treatment = ParentalKey(Treatment, on_delete=models.CASCADE, related_name="side_effects")
    name = models.CharField(max_length=120)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    note = models.CharField(max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.name


class AftercareStep(models.Model):
    treatment = ParentalKey(Treatment, on_delete=models.CASCADE, related_name="aftercare_steps")
    after_hours = models.PositiveIntegerField(help_text="Hours after the session when the step applies.")
    timing_label = models.CharField(max_length=60, help_text='For example "First 24 hours".')
    instruction = models.CharField(max_length=300)

    class Meta:
        ordering = ["after_hours", "id"]

    def __str__(self) -> str:
        return f"{self.timing_label}: {self.instruction}"


class Reference(models.Model):
    """A published source behind a treatment's claims."""

    treatment = ParentalKey(Treatment, on_delete=models.CASCADE, related_name="references")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, help_text="Journal or organisation.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    doi = models.CharField("DOI", max_length=120, blank=True)
    pmid = models.CharField("PMID", max_length=20, blank=True)
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def link(self) -> str:
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


class Contraindication(models.Model):
    """A screening question and how clinics usually handle a yes; builds the questionnaire."""

    slug = models.SlugField(max_length=80, unique=True)
    question = models.CharField(max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    handling = models.CharField(max_length=20, choices=Handling.choices)
    wait_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    explanation = models.TextField(blank=True)
    treatments = models.ManyToManyField(Treatment, related_name="contraindications", blank=True)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(handling="wait") | Q(wait_weeks__isnull=False, wait_weeks__gte=1),
                name="catalog_contraindication_wait_needs_weeks",
            )
        ]

    def __str__(self) -> str:
        return self.question
