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


def applicable(questions: Iterable[Contraindication], treatment_ids: Iterable[int]) -> set[str]:
    """The slugs of the questions that concern at least one of the chosen treatments."""
    chosen = set(treatment_ids)
    return {q.slug for q in questions if any(t.pk in chosen for t in q.treatments.all())}


def add_questions(form: forms.Form, questions: list[Contraindication], *, asked: set[str]) -> None:
    """Add a yes/no and an optional detail box per question to ``form``.

    Only the questions in ``asked`` (those of the chosen treatments) can be answered and are
    required; the others are disabled, so nothing typed into them could be sent and then dropped.
    """
    for question in questions:
        is_asked = question.slug in asked
        form.fields[answer_field(question.slug)] = forms.ChoiceField(
            label=question.question,
            choices=YES_NO,
            widget=forms.RadioSelect,
            help_text=question.help_text,
            required=is_asked,
            disabled=not is_asked,
            error_messages={"required": "Please answer yes or no."},
        )
        form.fields[detail_field(question.slug)] = forms.CharField(
            label="Anything the clinician should know (optional)",
            required=False,
            disabled=not is_asked,
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
