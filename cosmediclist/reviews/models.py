"""Verified reviews, their moderation, replies and reports; rating summaries; outcome check-ins."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations.crypto import EncryptedTextField
from cosmediclist.core.models import TimeStampedModel


class Verdict(models.TextChoices):
    WORTH_IT = "worth_it", "Worth it"
    NOT_SURE = "not_sure", "Not sure"
    NOT_WORTH_IT = "not_worth_it", "Not worth it"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Published"
    REJECTED = "rejected", "Rejected"


class ReviewInvitation(TimeStampedModel):
    """The one invitation to review a treated request: sent after ``send_after``, valid until ``expires_at``."""

    request = models.OneToOneField(
        "consultations.ConsultationRequest", on_delete=models.CASCADE, related_name="review_invitation"
    )
    clinic = models.ForeignKey("directory.Clinic", on_delete=models.CASCADE, related_name="+")
    treatment = models.ForeignKey(
        Treatment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    treated_at = models.DateTimeField()
    send_after = models.DateTimeField(db_index=True)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["send_after", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("treated_at")), name="reviews_invitation_window_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation for request {self.request_id}"


class ReviewQuerySet(models.QuerySet["Review"]):
    def approved(self) -> ReviewQuerySet:
        return self.filter(status=ReviewStatus.APPROVED)

    def for_listing(self) -> ReviewQuerySet:
        """What a published review shows: its treatment and the clinic's reply, in one query."""
        return self.select_related("treatment", "reply")

    def for_queue(self) -> ReviewQuerySet:
        return self.select_related("clinic", "treatment", "reply")


class Review(TimeStampedModel):
    """A treated patient's review of the clinic that treated them: at most one per request."""

    request = models.OneToOneField(
        "consultations.ConsultationRequest", on_delete=models.CASCADE, related_name="review"
    )
    clinic = models.ForeignKey("directory.Clinic", on_delete=models.CASCADE, related_name="reviews")
    treatment = models.ForeignKey(Treatment, on_delete=models.PROTECT, related_name="reviews")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews"
    )
    treated_on = models.DateField(help_text="When the treatment was done (the month is what is shown).")
    rating = models.PositiveSmallIntegerField()
    rating_explanation = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_care = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_value = models.PositiveSmallIntegerField(null=True, blank=True)
    verdict = models.CharField(max_length=12, choices=Verdict.choices)
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=5000)
    display_name = models.CharField(max_length=60, blank=True, help_text="Empty when anonymous.")
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    rejection_reason = models.CharField(max_length=500, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    helpful_count = models.PositiveIntegerField(default=0)
    report_count = models.PositiveIntegerField(default=0)

    objects: ClassVar[ReviewQuerySet] = ReviewQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="reviews_rating_1_5"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"reviews_{name}_1_5",
                )
                for name in ("rating_explanation", "rating_care", "rating_value")
            ],
            models.CheckConstraint(condition=Q(verdict__in=Verdict.values), name="reviews_verdict_valid"),
            models.CheckConstraint(condition=Q(status__in=ReviewStatus.values), name="reviews_status_valid"),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.REJECTED) | ~Q(rejection_reason=""),
                name="reviews_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.APPROVED) | Q(published_at__isnull=False),
                name="reviews_approved_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["clinic", "status", "-published_at"], name="reviews_clinic_listing"),
            models.Index(fields=["status", "-created_at"], name="reviews_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.rating}★ review of {self.clinic_id}"

    @property
    def shown_name(self) -> str:
        return self.display_name or "Anonymous patient"


class ReviewReply(TimeStampedModel):
    """The clinic's one public reply to a review, shown under it."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="reply")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=3000)

    def __str__(self) -> str:
        return f"Reply to review {self.review_id}"


class ReviewReport(models.Model):
    """A reader's report of a published review, once per (hashed) address."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    ip_hash = models.CharField(max_length=64)
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["review", "ip_hash"], name="reviews_report_once")]

    def __str__(self) -> str:
        return f"Report on review {self.review_id}"


class HelpfulVote(models.Model):
    """A reader found a review helpful, once per (hashed) address."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="helpful_votes")
    ip_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "ip_hash"], name="reviews_helpful_once")]

    def __str__(self) -> str:
        return f"Helpful vote on review {self.review_id}"


class ClinicRating(models.Model):
    """A clinic's rating summary over its published reviews, written by the review services."""

    clinic = models.OneToOneField(
        "directory.Clinic", primary_key=True, on_delete=models.CASCADE, related_name="rating_summary"
    )
    review_count = models.PositiveIntegerField(default=0)
    average = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    bayesian_average = models.DecimalField(
        max_digits=3, decimal_places=2, null=True, blank=True, db_index=True
    )
    stars_1 = models.PositiveIntegerField(default=0)
    stars_2 = models.PositiveIntegerField(default=0)
    stars_3 = models.PositiveIntegerField(default=0)
    stars_4 = models.PositiveIntegerField(default=0)
    stars_5 = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(average__isnull=True) | Q(average__gte=1, average__lte=5),
                name="reviews_clinic_rating_average_1_5",
            ),
            models.CheckConstraint(
                condition=Q(
                    review_count=models.F("stars_1")
                    + models.F("stars_2")
                    + models.F("stars_3")
                    + models.F("stars_4")
                    + models.F("stars_5")
                ),
                name="reviews_clinic_rating_distribution_adds_up",
            ),
        ]

    def __str__(self) -> str:
        return f"Rating of clinic {self.clinic_id}"

    @property
    def distribution(self) -> list[tuple[int, int, int]]:
        """(stars, count, percent of reviews) from 5 down to 1."""
        counts = [self.stars_5, self.stars_4, self.stars_3, self.stars_2, self.stars_1]
        total = self.review_count or 1
        return [(5 - i, n, round(100 * n / total)) for i, n in enumerate(counts)]


class VerdictTally(models.Model):
    """Published "worth it" verdicts per clinic and treatment, written with the clinic's rating."""

    clinic = models.ForeignKey("directory.Clinic", on_delete=models.CASCADE, related_name="verdict_tallies")
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="verdict_tallies")
    worth_it = models.PositiveIntegerField(default=0)
    not_sure = models.PositiveIntegerField(default=0)
    not_worth_it = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "treatment"], name="reviews_verdict_tally_once"),
        ]

    def __str__(self) -> str:
        return f"Verdicts on {self.treatment_id} at {self.clinic_id}"

    @property
    def total(self) -> int:
        return self.worth_it + self.not_sure + self.not_worth_it


class Visible(models.TextChoices):
    FULLY = "fully", "Fully visible"
    PARTLY = "partly", "Partly visible"
    GONE = "gone", "Gone"


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"


class Again(models.TextChoices):
    YES = "yes", "Yes"
    NOT_SURE = "not_sure", "Not sure"
    NO = "no", "No"


CHECK_IN_MONTHS = (3, 6, 12)


class CheckInQuerySet(models.QuerySet["OutcomeCheckIn"]):
    def due(self, now: object) -> CheckInQuerySet:
        return self.filter(due_at__lte=now, sent_at__isnull=True, cancelled_at__isnull=True)

    def answered(self) -> CheckInQuerySet:
        return self.exclude(visible="")


class OutcomeCheckIn(models.Model):
    """One short question set, 3, 6 or 12 months after a plan's last session. Private answers."""

    plan = models.ForeignKey(
        "consultations.TreatmentPlan", on_delete=models.CASCADE, related_name="check_ins"
    )
    clinic = models.ForeignKey("directory.Clinic", on_delete=models.CASCADE, related_name="+")
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="check_ins")
    months = models.PositiveSmallIntegerField()
    due_at = models.DateTimeField(db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    visible = models.CharField(max_length=6, choices=Visible.choices, blank=True)
    side_effect = models.CharField(max_length=3, choices=YesNo.choices, blank=True)
    again = models.CharField(max_length=8, choices=Again.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[CheckInQuerySet] = CheckInQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "months"], name="reviews_check_in_once_per_milestone"),
            models.CheckConstraint(
                condition=Q(months__in=CHECK_IN_MONTHS), name="reviews_check_in_months_valid"
            ),
            models.CheckConstraint(
                condition=Q(visible__in=["", *Visible.values]), name="reviews_check_in_visible_valid"
            ),
            models.CheckConstraint(
                condition=Q(side_effect__in=["", *YesNo.values]), name="reviews_check_in_side_effect_valid"
            ),
            models.CheckConstraint(
                condition=Q(again__in=["", *Again.values]), name="reviews_check_in_again_valid"
            ),
        ]
        indexes = [models.Index(fields=["treatment", "months", "visible"], name="reviews_check_in_measure")]

    def __str__(self) -> str:
        return f"{self.months}-month check-in for plan {self.plan_id}"


class Severity(models.TextChoices):
    MILD = "mild", "Mild: noticeable but not stopping me doing things"
    MODERATE = "moderate", "Moderate: it is getting in the way of daily life"
    SEVERE = "severe", "Severe: it is getting worse or I am worried"


class SideEffectReport(TimeStampedModel):
    """A patient's private "something is not right" report to the clinic that treated them."""

    request = models.ForeignKey(
        "consultations.ConsultationRequest", on_delete=models.CASCADE, related_name="side_effect_reports"
    )
    clinic = models.ForeignKey(
        "directory.Clinic", on_delete=models.CASCADE, related_name="side_effect_reports"
    )
    what = EncryptedTextField(help_text="What the patient noticed, encrypted.")
    started_on = models.DateField()
    severity = models.CharField(max_length=10, choices=Severity.choices)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(severity__in=Severity.values), name="reviews_report_severity_valid"
            ),
        ]
        indexes = [models.Index(fields=["clinic", "acknowledged_at"], name="reviews_side_effect_open")]

    def __str__(self) -> str:
        return f"Side-effect report {self.pk} on {self.request_id}"
