"""The pre-consultation questionnaire, built from the catalogue's screening questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django import forms

from cosmediclist.catalog.models import Contraindication, Handling, Treatment
from cosmediclist.consultations.models import Flag

YES_NO = [("yes", "Yes"), ("no", "No")]
DETAIL_MAX = 500


def questions_for(treatments: Iterable[Treatment]) -> list[Contraindication]:
    """Every screening question that applies to any of the treatments, once each, in a fixed order."""
    ids = [t.pk for t in treatments]
    return list(
        Contraindication.objects.filter(treatments__in=ids)
        .distinct()
        .prefetch_related("treatments")
        .order_by("slug")
    )


def answer_field(slug: str) -> str:
    return f"q_{slug}"


def detail_field(slug: str) -> str:
    return f"q_{slug}_detail"


def add_questions(form: forms.Form, questions: list[Contraindication]) -> None:
    """Add a required yes/no and an optional detail box per question to ``form``."""
    for question in questions:
        form.fields[answer_field(question.slug)] = forms.ChoiceField(
            label=question.question,
            choices=YES_NO,
            widget=forms.RadioSelect,
            help_text=question.help_text,
            error_messages={"required": "Please answer yes or no."},
        )
        form.fields[detail_field(question.slug)] = forms.CharField(
            label="Anything the clinician should know (optional)",
            required=False,
            max_length=DETAIL_MAX,
            widget=forms.Textarea(attrs={"rows": 2}),
        )


@dataclass(frozen=True)
class FlaggedAnswer:
    flag: Flag
    wait_until: date | None


def flag_for(*, handling: str, wait_weeks: int | None, is_yes: bool, asked_on: date) -> FlaggedAnswer:
    """How a clinic should read one answer. A "no" flags nothing; the reader never sees this."""
    if not is_yes:
        return FlaggedAnswer(Flag.NONE, None)
    if handling == Handling.DO_NOT_TREAT:
        return FlaggedAnswer(Flag.DO_NOT_TREAT, None)
    if handling == Handling.WAIT:
        return FlaggedAnswer(Flag.WAIT, asked_on + timedelta(weeks=wait_weeks or 0))
    return FlaggedAnswer(Flag.CLINICIAN_REVIEW, None)
