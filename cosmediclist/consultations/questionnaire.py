"""The pre-consultation questionnaire, built from the catalogue's screening questions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms

from cosmediclist.catalog.models import Contraindication, Treatment

YES_NO = [("yes", "Yes"), ("no", "No")]
DETAIL_MAX = 500
NO_ANSWER = "Please answer yes or no."


@dataclass(frozen=True)
class Answer:
    """The reader's answer to one screening question, named by the question's slug."""

    slug: str
    is_yes: bool
    detail: str = ""


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


def answers_in(cleaned: Mapping[str, Any]) -> list[Answer]:
    """The answers in a cleaned questionnaire, in field order; a question not asked has none."""
    slugs = [key[2:] for key in cleaned if key.startswith("q_") and not key.endswith("_detail")]
    return [
        Answer(
            slug=slug,
            is_yes=cleaned[answer_field(slug)] == "yes",
            detail=(cleaned.get(detail_field(slug)) or "").strip(),
        )
        for slug in slugs
        if cleaned[answer_field(slug)] in ("yes", "no")
    ]


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
            error_messages={"required": NO_ANSWER},
        )
        form.fields[detail_field(question.slug)] = forms.CharField(
            label="Anything the clinician should know (optional)",
            required=False,
            disabled=not is_asked,
            max_length=DETAIL_MAX,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
