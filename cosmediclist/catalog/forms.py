"""The catalogue's GET forms: list filters and the choice of treatments to compare."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from cosmediclist.catalog.compare import CompareError, check_slugs
from cosmediclist.catalog.models import ProcedureType
from cosmediclist.core.forms import Form

DOWNTIME_CHOICES = [
    ("", "Any downtime"),
    ("0", "None"),
    ("3", "Up to 3 days"),
    ("7", "Up to a week"),
    ("14", "Up to 2 weeks"),
]
# Price bands per session, in pounds: (low, high), high None for "or more".
PRICE_BANDS: dict[str, tuple[int, int | None]] = {
    "under-150": (0, 150),
    "150-400": (150, 400),
    "400-plus": (400, None),
}
PRICE_CHOICES = [
    ("", "Any price"),
    ("under-150", "Under £150 a session"),
    ("150-400", "£150 to £400 a session"),
    ("400-plus", "£400 or more a session"),
]


class TreatmentFilterForm(Form):
    concern = forms.ChoiceField(required=False)
    area = forms.ChoiceField(label="Body area", required=False)
    type = forms.ChoiceField(
        label="Procedure type", required=False, choices=[("", "Any type"), *ProcedureType.choices]
    )
    downtime = forms.ChoiceField(label="Maximum downtime", required=False, choices=DOWNTIME_CHOICES)
    price = forms.ChoiceField(label="Price band", required=False, choices=PRICE_CHOICES)

    def __init__(self, data: Any, *, concerns: list[tuple[str, str]], areas: list[tuple[str, str]]) -> None:
        super().__init__(data)
        self.fields["concern"].choices = [("", "Any concern"), *concerns]  # type: ignore[attr-defined]
        self.fields["area"].choices = [("", "Any area"), *areas]  # type: ignore[attr-defined]


class CompareForm(Form):
    t = forms.MultipleChoiceField(
        label="Treatments to compare",
        help_text="Choose two to four.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least two treatments to compare.",
            "invalid_choice": "We have no treatment called “%(value)s”.",
        },
    )

    def __init__(self, data: Any, *, treatments: list[tuple[str, str]]) -> None:
        super().__init__(data)
        self.fields["t"].choices = treatments  # type: ignore[attr-defined]

    def clean_t(self) -> list[str]:
        slugs: list[str] = self.cleaned_data["t"]
        try:
            check_slugs(slugs)
        except CompareError as error:
            raise ValidationError(error.message) from None
        return slugs
