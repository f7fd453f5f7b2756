"""Consultation requests and their questionnaire answers, treatment plans, sessions and reminders."""

from __future__ import annotations

import zoneinfo
from datetime import date, timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cosmediclist.catalog.models import BodyArea, Concern, Contraindication, Handling, Treatment
from cosmediclist.consultations.crypto import EncryptedTextField
from cosmediclist.core.models import TimeStampedModel


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    BOOKED = "booked", "Booked"
    TREATED = "treated", "Treated"
    CLOSED = "closed", "Closed"
    DECLINED = "declined", "Declined"


# Where a request may go next from each status; "declined" is open until the request is closed.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.CONTACTED, Status.BOOKED, Status.DECLINED),
    Status.CONTACTED: (Status.BOOKED, Status.CLOSED, Status.DECLINED),
    Status.BOOKED: (Status.TREATED, Status.CONTACTED, Status.CLOSED, Status.DECLINED),
    Status.TREATED: (Status.CLOSED, Status.BOOKED),
    Status.CLOSED: (),
    Status.DECLINED: (),
}
FINISHED = (Status.CLOSED, Status.DECLINED)


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    EITHER = "either", "Either"


class Flag(models.IntegerChoices):
    """How a yes answer is flagged for the clinic, highest concern last; 0 means nothing flagged."""

    NONE = 0, "Nothing flagged"
    WAIT = 1, "Wait until"
    CLINICIAN_REVIEW = 2, "Needs clinician review"
    DO_NOT_TREAT = 3, "Do not treat"


# Flags that hold a request until a clinician of the clinic has recorded a review decision.
GATED_FLAGS = (Flag.CLINICIAN_REVIEW, Flag.DO_NOT_TREAT)

FLAG_FOR_HANDLING = {
    Handling.WAIT: Flag.WAIT,
    Handling.CLINICIAN_REVIEW: Flag.CLINICIAN_REVIEW,
    Handling.DO_NOT_TREAT: Flag.DO_NOT_TREAT,
}


def flag_for(handling: str, *, is_yes: bool) -> Flag:
    """How a clinic should read one answer: a "no" flags nothing. The reader never sees this."""
    return FLAG_FOR_HANDLING[Handling(handling)] if is_yes else Flag.NONE


class ConsultationRequestQuerySet(models.QuerySet["ConsultationRequest"]):
    def for_inbox(self) -> ConsultationRequestQuerySet:
        """Flagged requests first, then newest first, with what a row shows."""
        return (
            self.select_related("clinic", "clinical_review")
            .prefetch_related("treatments")
            .order_by("-flag", "-created_at", "-pk")
        )

    def for_detail(self) -> ConsultationRequestQuerySet:
        return self.select_related(
            "clinic", "clinical_review__reviewer", "clinical_review__practitioner"
        ).prefetch_related(
            "treatments",
            "change_requests",
            "areas",
            models.Prefetch("concern_links", queryset=RequestConcern.objects.select_related("concern")),
            models.Prefetch(
                "answers",
                queryset=IntakeAnswer.objects.select_related("contraindication").prefetch_related(
                    "contraindication__treatments"
                ),
            ),
            models.Prefetch("notes", queryset=RequestNote.objects.select_related("author")),
            models.Prefetch(
                "plans",
                queryset=TreatmentPlan.objects.select_related("treatment").prefetch_related("sessions"),
            ),
        )


class ConsultationRequest(TimeStampedModel):
    """One reader's request to one clinic: each clinic chosen gets its own copy."""

    reference = models.CharField(max_length=13, unique=True)
    clinic = models.ForeignKey(
        "directory.Clinic", on_delete=models.PROTECT, related_name="consultation_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )
    idempotency_token = models.CharField(max_length=64)
    treatments = models.ManyToManyField(Treatment, related_name="consultation_requests")
    concerns = models.ManyToManyField(Concern, through="RequestConcern", related_name="+")
    areas = models.ManyToManyField(BodyArea, related_name="+", blank=True)
    hopes = EncryptedTextField(blank=True, help_text="What the reader hopes for, in their words.")
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices)
    contact_times = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    is_adult_confirmed = models.BooleanField(default=False)
    flag = models.PositiveSmallIntegerField(choices=Flag.choices, default=Flag.NONE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    decline_reason = models.CharField(max_length=300, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    reminders_unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # The consultation, once booked: when and where (the clinic's address unless staff change it).
    appointment_at = models.DateTimeField(null=True, blank=True)
    appointment_place = models.CharField(max_length=300, blank=True)
    appointment_sequence = models.PositiveSmallIntegerField(
        default=0, help_text="Calendar revision of the appointment: +1 on each booking."
    )
    intake_purged_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True, help_text="When the patient withdrew it.")
    erased_at = models.DateTimeField(
        null=True, blank=True, help_text="When the patient's data was erased at their request."
    )

    objects: ClassVar[ConsultationRequestQuerySet] = ConsultationRequestQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "idempotency_token"], name="consultations_request_once_per_token"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="consultations_request_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.DECLINED) | ~Q(decline_reason=""),
                name="consultations_request_declined_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(flag__lte=Flag.DO_NOT_TREAT), name="consultations_request_flag_valid"
            ),
        ]
        indexes = [models.Index(fields=["clinic", "status", "-flag", "-created_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        return [(s, Status(s).label) for s in TRANSITIONS[self.status]]

    @property
    def can_book(self) -> bool:
        return Status.BOOKED in TRANSITIONS[self.status]

    @property
    def clinical_decision(self) -> ClinicalReview | None:
        """The clinician's decision on a flagged request, if one was recorded."""
        try:
            return self.clinical_review
        except ClinicalReview.DoesNotExist:
            return None

    @property
    def is_gated(self) -> bool:
        """Flagged "do not treat" or "needs clinician review" and not yet cleared by a clinician."""
        review = self.clinical_decision
        return self.flag in GATED_FLAGS and (review is None or review.decision != ReviewDecision.CLEARED)


class ReviewDecision(models.TextChoices):
    CLEARED = "cleared", "Cleared to go ahead"
    DECLINED = "declined", "Declined"


class ClinicalReview(models.Model):
    """A clinician's decision on a flagged request: one per request, never edited."""

    request = models.OneToOneField(
        ConsultationRequest, on_delete=models.CASCADE, related_name="clinical_review"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    practitioner = models.ForeignKey(
        "directory.Practitioner", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    note = EncryptedTextField(
        help_text="The clinical note (cleared) or the reason sent to the patient (declined)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__in=ReviewDecision.values), name="consultations_review_decision_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} for {self.request_id}"


class ChangeKind(models.TextChoices):
    CANCEL = "cancel", "Cancel my consultation"
    REARRANGE = "rearrange", "Rearrange my consultation"


class ChangeRequest(models.Model):
    """The patient's request to cancel or rearrange a booked consultation; the clinic acts on it."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="change_requests")
    kind = models.CharField(max_length=10, choices=ChangeKind.choices)
    message = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ChangeKind.values), name="consultations_change_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.request_id})"


class RequestConcern(models.Model):
    """A concern the reader chose, ranked by how much it matters to them (1 first)."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="concern_links")
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["request", "concern"], name="consultations_concern_once"),
            models.UniqueConstraint(fields=["request", "rank"], name="consultations_concern_rank_once"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.concern_id}"


class IntakeAnswer(models.Model):
    """One screening answer, encrypted; the question and its handling are kept as asked."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="answers")
    contraindication = models.ForeignKey(
        Contraindication, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    question = models.CharField(max_length=300)
    handling = models.CharField(max_length=20, choices=Handling.choices)
    wait_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    answer = EncryptedTextField(help_text='"yes" or "no", encrypted.')
    detail = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.request_id}"

    @property
    def is_yes(self) -> bool:
        return bool(self.answer == "yes")

    @property
    def flag(self) -> Flag:
        return flag_for(self.handling, is_yes=self.is_yes)

    @property
    def wait_until(self) -> date | None:
        """For a "wait" answer, the day the wait ends: ``wait_weeks`` after the request was sent."""
        if self.flag != Flag.WAIT:
            return None
        return timezone.localdate(self.request.created_at) + timedelta(weeks=self.wait_weeks or 0)


class RequestNote(models.Model):
    """A clinic's internal note on a request: health information, encrypted, never shown to the reader."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Note {self.pk} on {self.request_id}"


TIME_ZONES = sorted(zoneinfo.available_timezones())


def time_zone_label(zone: str) -> str:
    """A time zone in words: "UK time" for Europe/London, "Paris time (Europe/Paris)" otherwise."""
    if zone in ("Europe/London", "GB"):
        return "UK time"
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} time ({zone})"


class PlanStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class TreatmentPlan(TimeStampedModel):
    """A course of sessions the clinic recorded for a request, with a maintenance reminder after it."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="plans")
    treatment = models.ForeignKey(Treatment, on_delete=models.PROTECT, related_name="+")
    time_zone = models.CharField(max_length=64, default="Europe/London")
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    maintenance_due_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PlanStatus.values), name="consultations_plan_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.treatment} plan for {self.request_id}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class PlannedSession(models.Model):
    """One session of a plan; ``starts_at`` is stored in UTC and shown in the plan's time zone."""

    plan = models.ForeignKey(TreatmentPlan, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField()
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    status = models.CharField(max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    sequence = models.PositiveSmallIntegerField(default=0, help_text="Calendar revision: +1 on each move.")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="consultations_session_number_once"),
            models.CheckConstraint(condition=Q(number__gte=1), name="consultations_session_number_positive"),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5), name="consultations_session_duration_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Session {self.number} of plan {self.plan_id}"


class ReminderKind(models.TextChoices):
    WEEK_BEFORE = "week_before", "7 days before"
    DAY_BEFORE = "day_before", "1 day before"
    AFTERCARE = "aftercare", "Aftercare"
    MAINTENANCE = "maintenance", "Maintenance"


class ReminderQuerySet(models.QuerySet["Reminder"]):
    def due(self, now: object) -> ReminderQuerySet:
        return self.filter(due_at__lte=now, queued_at__isnull=True, cancelled_at__isnull=True)


class Reminder(models.Model):
    """A message to the patient at a moment; queued once (its key is unique and becomes the email key)."""

    key = models.CharField(max_length=120, unique=True)
    plan = models.ForeignKey(TreatmentPlan, on_delete=models.CASCADE, related_name="reminders")
    session = models.ForeignKey(
        PlannedSession, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    due_at = models.DateTimeField(db_index=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[ReminderQuerySet] = ReminderQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["due_at", "id"]

    def __str__(self) -> str:
        return self.key
