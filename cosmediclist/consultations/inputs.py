"""What a reader sends in a consultation request, as one object with its rules.

The request form builds a ``ConsultationInput`` once from its cleaned data (``from_form``); the API
builds one from its own schema. ``problems`` holds every rule of a request that needs no database,
each written once: the form shows them next to its fields, and ``services.submit_request`` checks
them again (with the clinics' offers) before it stores anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cosmediclist.catalog.models import BodyArea, Concern, Contraindication, Treatment
from cosmediclist.consultations.models import ContactMethod
from cosmediclist.consultations.questionnaire import NO_ANSWER, Answer, answer_field, answers_in

MAX_CLINICS = 3
PHONE = re.compile(r"^\+?[0-9 ()\-]{7,30}$")

NO_CLINIC = "Tick at least one clinic to send your request to."
NO_TREATMENT = "Choose at least one treatment."
ADULTS_ONLY = "This treatment is for adults only: please confirm you are 18 or over."


@dataclass(frozen=True)
class ConsultationInput:
    """One request as the reader sent it, for one or more clinics (each gets its own copy)."""

    clinics: Sequence[Any]
    treatments: Sequence[Treatment]
    name: str
    email: str
    idempotency_token: str
    concerns: Sequence[Concern] = ()
    areas: Sequence[BodyArea] = ()
    hopes: str = ""
    contact_method: str = ContactMethod.EMAIL
    contact_times: str = ""
    phone: str = ""
    is_adult_confirmed: bool = False
    answers: Sequence[Answer] = ()

    @classmethod
    def from_form(cls, cleaned: Mapping[str, Any]) -> ConsultationInput:
        """The input in a request form's cleaned data (fields that failed to parse are left empty)."""
        return cls(
            clinics=list(cleaned.get("clinics") or []),
            treatments=list(cleaned.get("treatments") or []),
            name=cleaned.get("name") or "",
            email=cleaned.get("email") or "",
            idempotency_token=cleaned.get("idempotency_token") or "",
            concerns=[c for c in (cleaned.get(f"concern_{n}") for n in (1, 2, 3)) if c is not None],
            areas=list(cleaned.get("areas") or []),
            hopes=cleaned.get("hopes") or "",
            contact_method=cleaned.get("contact_method") or ContactMethod.EMAIL,
            contact_times=cleaned.get("contact_times") or "",
            phone=cleaned.get("phone") or "",
            is_adult_confirmed=bool(cleaned.get("is_adult_confirmed")),
            answers=answers_in(cleaned),
        )

    def problems(self, questions: Iterable[Contraindication]) -> dict[str, str]:
        """Every broken rule, keyed by field name; ``questions`` are those of the chosen treatments.

        Answers are keyed by their form field (``q_<slug>``), a repeated concern by ``concerns``.
        """
        errors: dict[str, str] = {}
        if not self.clinics:
            errors["clinics"] = NO_CLINIC
        elif len(self.clinics) > MAX_CLINICS:
            errors["clinics"] = f"Choose up to {MAX_CLINICS} clinics."
        if not self.treatments:
            errors["treatments"] = NO_TREATMENT
        if len(self.concerns) != len(set(self.concerns)):
            errors["concerns"] = "Choose a different concern for each place."
        if not self.name.strip():
            errors["name"] = "Please give your name."
        if self.phone and not PHONE.match(self.phone):
            errors["phone"] = "Use digits, spaces and an optional leading +, for example +44 161 496 0000."
        elif self.contact_method == ContactMethod.PHONE and not self.phone:
            errors["phone"] = "Give a phone number so the clinic can call you."
        if any(t.is_adults_only for t in self.treatments) and not self.is_adult_confirmed:
            errors["is_adult_confirmed"] = ADULTS_ONLY
        answered = {a.slug for a in self.answers}
        for question in questions:
            if question.slug not in answered:
                errors[answer_field(question.slug)] = NO_ANSWER
        return errors
