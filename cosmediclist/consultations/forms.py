"""The consultation request form with its questionnaire, and the clinic inbox's forms."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIteratorValue

from cosmediclist.catalog.models import BodyArea, Concern, Contraindication, Treatment
from cosmediclist.consultations.inputs import NO_CLINIC, NO_TREATMENT, ConsultationInput
from cosmediclist.consultations.models import (
    TIME_ZONES,
    ChangeKind,
    ContactMethod,
    ReviewDecision,
    Status,
    time_zone_label,
)
from cosmediclist.consultations.questionnaire import add_questions, answer_field, applicable, detail_field
from cosmediclist.core.forms import Form

TOKEN = re.compile(r"^[A-Za-z0-9_\-]{16,64}$")


class ClinicChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    facts: dict[int, str] = {}  # replaced per form: each clinic's distance, price and response time

    def label_from_instance(self, obj: Any) -> str:
        facts = self.facts.get(obj.pk)
        return (
            f"Send my request to {obj.name}, {obj.town}{f' ({facts})' if facts else ''}. {obj.name} will see your name and contact details, "
            "the treatments, concerns and areas you chose, what you hope for and your answers to the health "
            "questions, with any details you add."
        )


def _choices_from(field: Any, objects: list[Any]) -> None:
    """Give a model choice field its choices from ``objects`` already read, as its iterator would."""
    choices: list[Any] = [] if field.empty_label is None else [("", field.empty_label)]
    choices += [
        (ModelChoiceIteratorValue(field.prepare_value(o), o), field.label_from_instance(o)) for o in objects
    ]
    field.choices = choices


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
        error_messages={"required": NO_CLINIC},
    )
    treatments: forms.ModelMultipleChoiceField[Treatment] = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Treatments you are interested in",
        error_messages={"required": NO_TREATMENT},
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
        clinic_facts: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinics"].queryset = clinics  # type: ignore[attr-defined]
        self.fields["clinics"].facts = clinic_facts or {}  # type: ignore[attr-defined]
        self.fields["treatments"].queryset = treatments  # type: ignore[attr-defined]
        # The lists are read once each (the three concern lists share one read); each field's own
        # queryset still checks what is posted.
        concerns = list(Concern.objects.all())
        for name, objects in (
            ("clinics", list(clinics)),
            ("treatments", list(treatments)),
            ("concern_1", concerns),
            ("concern_2", concerns),
            ("concern_3", concerns),
            ("areas", list(BodyArea.objects.all())),
        ):
            _choices_from(self.fields[name], objects)
        self.questions = questions
        self.asked = applicable(questions, self._chosen_treatment_ids())
        add_questions(self, questions, asked=self.asked)
        self.adults_only = any(t.is_adults_only for t in treatments)

    def clean_idempotency_token(self) -> str:
        token: str = self.cleaned_data["idempotency_token"]
        if not TOKEN.match(token):
            raise ValidationError("This form has expired: please reload the page.")
        return token

    def clean(self) -> dict[str, Any]:
        """The request's own rules (``ConsultationInput.problems``), next to the fields that parsed."""
        data = super().clean() or {}
        asked = [q for q in self.questions if q.slug in self.asked]
        problems = ConsultationInput.from_form(data).problems(asked)
        for field, message in problems.items():
            target = "concern_2" if field == "concerns" else field
            if target not in self.errors:
                self.add_error(target, message)
        return data

    def consultation_input(self) -> ConsultationInput:
        return ConsultationInput.from_form(self.cleaned_data)

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
    time_zone = forms.ChoiceField(
        label="Times are in",
        choices=[("Europe/London", "UK time")]
        + [(z, time_zone_label(z)) for z in TIME_ZONES if z not in ("Europe/London", "GB")],
        initial="Europe/London",
    )
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
