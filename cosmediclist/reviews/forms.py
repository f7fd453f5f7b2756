"""Forms for the review, moderation, the clinic's reply, reader reports and side-effect reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from cosmediclist.catalog.models import Treatment
from cosmediclist.reviews.models import Severity, Verdict
from cosmediclist.reviews.services import ReviewInput

STARS = [(str(n), f"{n} star{'s' if n > 1 else ''}") for n in range(5, 0, -1)]
OPTIONAL_STARS = [("", "Skip"), *STARS]


def _optional_stars(label: str) -> forms.TypedChoiceField:
    """A one-to-five rating the reviewer may leave out (None then)."""
    return forms.TypedChoiceField(
        label=label, choices=OPTIONAL_STARS, coerce=int, required=False, empty_value=None
    )


class ReviewForm(forms.Form):
    treatment = forms.ModelChoiceField(
        queryset=Treatment.objects.none(), label="Treatment you had", empty_label=None
    )
    treated_on = forms.DateField(
        label="When it was done",
        help_text="The date of your (last) session. Only the month is shown.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    rating = forms.TypedChoiceField(
        label="Overall rating", choices=STARS, coerce=int, widget=forms.RadioSelect
    )
    rating_explanation = _optional_stars("How well it was explained (optional)")
    rating_care = _optional_stars("Care and aftercare (optional)")
    rating_value = _optional_stars("Value for money (optional)")
    verdict = forms.ChoiceField(label="Was it worth it?", choices=Verdict.choices, widget=forms.RadioSelect)
    title = forms.CharField(label="Title", max_length=120)
    body = forms.CharField(
        label="Your review",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Plain text. Describe your own experience; leave out other people's names and health details.",
    )
    display_name = forms.CharField(
        label="Name to show", max_length=60, required=False, help_text="For example a first name and initial."
    )
    is_anonymous = forms.BooleanField(label="Show my review as from an anonymous patient", required=False)

    def __init__(self, *args: Any, treatments: QuerySet[Treatment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["treatment"].queryset = treatments  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("is_anonymous") and not (data.get("display_name") or "").strip():
            self.add_error("display_name", "Give a name to show, or tick 'anonymous'.")
        return data

    def review_input(self) -> ReviewInput:
        data = self.cleaned_data
        return ReviewInput(
            treatment=data["treatment"],
            treated_on=data["treated_on"],
            rating=data["rating"],
            rating_explanation=data["rating_explanation"],
            rating_care=data["rating_care"],
            rating_value=data["rating_value"],
            verdict=data["verdict"],
            title=data["title"],
            body=data["body"],
            display_name="" if data["is_anonymous"] else data["display_name"],
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Reason (sent to the author)",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Name the part of the review policy the review breaks.",
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your public reply", max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with this review?", max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class SideEffectForm(forms.Form):
    what = forms.CharField(
        label="What have you noticed?", max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    started_on = forms.DateField(label="Since when", widget=forms.DateInput(attrs={"type": "date"}))
    severity = forms.ChoiceField(label="How bad is it?", choices=Severity.choices, widget=forms.RadioSelect)
