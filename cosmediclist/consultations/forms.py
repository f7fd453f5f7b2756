"""The consultation request form with its questionnaire, and the clinic inbox's forms."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from cosmediclist.catalog.models import BodyArea, Concern, Contraindication, Treatment
from cosmediclist.consultations.models import TIME_ZONES, ChangeKind, ContactMethod, ReviewDecision, Status
from cosmediclist.consultations.questionnaire import add_questions, answer_field, applicable, detail_field
from cosmediclist.consultations.services import Answer
from cosmediclist.core.forms import Form

PHONE = re.compile(r"^\+?[0-9 ()\-]{7,30}$")
TOKEN = re.compile(r"^[A-Za-z0-9_\-]{16,64}$")


class ClinicChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return (
            f"Send my request to {obj.name}, {obj.town}. {obj.name} will see your name and contact details, "
            "the treatments, concerns and areas you chose, what you hope for and your answers to the health "
            "questions, with any details you add."
        )


class RequestForm(Form):
    """Everything the reader sends; the screening questions are added for the chosen treatments."""

    clinics = ClinicChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Who may see your request",
        help_text=(
            "Nothing is sent until you tick a clinic. Tick each clinic you agree to send your request to "
            "(up to 3). Each clinic sees only its own copy."
        ),
        error_messages={"required": "Tick at least one clinic to send your request to."},
    )
    treatments: forms.ModelMultipleChoiceField[Treatment] = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Treatments you are interested in",
        error_messages={"required": "Choose at least one treatment."},
    )
    concern_1 = forms.ModelChoiceField(
        queryset=Concern.objects.all(), label="What would you most like to change?", empty_label="Choose…"
    )
    concern_2 = forms.ModelChoiceField(
        queryset=Concern.objects.all(), label="Second (optional)", required=False, empty_label="None"
    )
    concern_3 = forms.ModelChoiceField(
        queryset=Concern.objects.all(), label="Third (optional)", required=False, empty_label="None"
    )
    areas = forms.ModelMultipleChoiceField(
        queryset=BodyArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Body areas",
    )
    hopes = forms.CharField(
        label="What do you hope for?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="In your own words. Only the clinic you choose reads this.",
    )
    contact_method = forms.ChoiceField(
        choices=ContactMethod.choices, widget=forms.RadioSelect, label="How should the clinic contact you?"
    )
    contact_times = forms.CharField(
        label="Best times to contact you (optional)", max_length=200, required=False
    )
    name = forms.CharField(label="Your name", max_length=120)
    email = forms.EmailField(label="Your email address", max_length=254)
    phone = forms.CharField(label="Phone number (optional)", max_length=30, required=False)
    is_adult_confirmed = forms.BooleanField(label="I confirm I am 18 or over", required=False)
    idempotency_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        clinics: Any,
        treatments: Any,
        questions: list[Contraindication],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinics"].queryset = clinics  # type: ignore[attr-defined]
        self.fields["treatments"].queryset = treatments  # type: ignore[attr-defined]
        self.questions = questions
        self.asked = applicable(questions, self._chosen_treatment_ids())
        add_questions(self, questions, asked=self.asked)
        self.adults_only = any(t.is_adults_only for t in treatments)

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Please give your name.")
        return name

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(
                "Use digits, spaces and an optional leading +, for example +44 161 496 0000."
            )
        return phone

    def clean_idempotency_token(self) -> str:
        token: str = self.cleaned_data["idempotency_token"]
        if not TOKEN.match(token):
            raise ValidationError("This form has expired: please reload the page.")
        return token

    def clean_clinics(self) -> list[Any]:
        clinics = list(self.cleaned_data["clinics"])
        if len(clinics) > 3:
            raise ValidationError("Choose up to 3 clinics.")
        return clinics

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        ranked = [data.get(f"concern_{n}") for n in (1, 2, 3)]
        chosen = [c for c in ranked if c is not None]
        if len(chosen) != len(set(chosen)):
            self.add_error("concern_2", "Choose a different concern for each place.")
        if data.get("contact_method") == ContactMethod.PHONE and not data.get("phone"):
            self.add_error("phone", "Give a phone number so the clinic can call you.")
        treatments = data.get("treatments") or []
        if any(t.is_adults_only for t in treatments) and not data.get("is_adult_confirmed"):
            self.add_error(
                "is_adult_confirmed", "This treatment is for adults only: please confirm you are 18 or over."
            )
        return data

    def _chosen_treatment_ids(self) -> list[int]:
        """The treatments ticked in the submitted form, or pre-selected when the form is new."""
        if self.is_bound:
            raw = self.data.getlist("treatments") if hasattr(self.data, "getlist") else []
            return [int(value) for value in raw if str(value).isdigit()]
        return [t.pk for t in self.initial.get("treatments") or []]

    def question_fields(self) -> list[dict[str, Any]]:
        """Each question's fields, whether it is asked now, and the treatments it belongs to (for the script)."""
        return [
            {
                "answer": self[answer_field(q.slug)],
                "detail": self[detail_field(q.slug)],
                "is_asked": q.slug in self.asked,
                "treatment_ids": " ".join(str(t.pk) for t in q.treatments.all()),
            }
            for q in self.questions
        ]

    def concerns(self) -> list[Concern]:
        return [c for c in (self.cleaned_data.get(f"concern_{n}") for n in (1, 2, 3)) if c is not None]

    def answers(self) -> list[Answer]:
        return [
            Answer(
                slug=q.slug,
                is_yes=self.cleaned_data[answer_field(q.slug)] == "yes",
                detail=self.cleaned_data.get(detail_field(q.slug), "").strip(),
            )
            for q in self.questions
            if q.slug in self.asked
        ]


class MoveForm(Form):
    """A status move; booking also gives the consultation's date, time and place."""

    status = forms.ChoiceField(choices=Status.choices, label="Move to")
    expected_status = forms.ChoiceField(choices=Status.choices, widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label="Reason (needed when declining; the patient sees it)", max_length=300, required=False
    )
    appointment_at = forms.DateTimeField(
        label="Consultation date and time (needed when booking)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    appointment_place = forms.CharField(
        label="Where (the patient receives it with a calendar file)", max_length=300, required=False
    )


class ReviewForm(Form):
    decision = forms.ChoiceField(
        choices=ReviewDecision.choices, widget=forms.RadioSelect, label="Your clinical decision"
    )
    note = forms.CharField(
        label="Note (if cleared: for the record; if declined: the reason the patient receives)",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChangeForm(Form):
    kind = forms.ChoiceField(
        choices=ChangeKind.choices, widget=forms.RadioSelect, label="What would you like?"
    )
    message = forms.CharField(
        label="Message to the clinic",
        help_text="For example, which days and times suit you better.",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(Form):
    body = forms.CharField(label="Internal note", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class PlanForm(Form):
    """Sessions as local date-times in the plan's time zone; pre-filled from the catalogue."""

    treatment = forms.ModelChoiceField(queryset=Treatment.objects.none(), label="Treatment")
    time_zone = forms.ChoiceField(choices=[(z, z) for z in TIME_ZONES], initial="Europe/London")
    duration_minutes = forms.IntegerField(label="Session length (minutes)", min_value=5, max_value=480)

    def __init__(self, *args: Any, treatments: Any, session_count: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["treatment"].queryset = treatments  # type: ignore[attr-defined]
        self.session_count = session_count
        for n in range(1, session_count + 1):
            self.fields[f"session_{n}"] = forms.DateTimeField(
                label=f"Session {n}",
                required=n == 1,
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
            )

    def session_fields(self) -> list[forms.BoundField]:
        return [self[f"session_{n}"] for n in range(1, self.session_count + 1)]


class SessionMoveForm(Form):
    starts_at = forms.DateTimeField(
        label="New date and time",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
