"""Consultation data for tests: a request submitted through the service, cleared by a clinician, and
the request form's POST."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import area, concern
from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.directory.models import Clinic


def submit(
    clinic: Any,
    treatment: Any,
    *,
    token: str = "token-0123456789abcdef",  # noqa: S107 - a form token, not a password
    **extra: Any,
) -> ConsultationRequest:
    fields: dict[str, Any] = {
        "clinics": [clinic],
        "treatments": [treatment],
        "concerns": [concern()],
        "areas": [area()],
        "hopes": "Softer stretch marks on my tummy before summer",
        "contact_method": "email",
        "contact_times": "",
        "name": "Pia Patient",
        "email": "pia.patient@example.org",
        "phone": "",
        "is_adult_confirmed": True,
        "answers": [
            services.Answer("pregnancy-breastfeeding", False),
            services.Answer(
                "anticoagulants-bleeding-disorder", True, "Warfarin since 2019 for a heart valve"
            ),
            services.Answer("recent-vaccination-or-antibiotics", False),
        ],
        "idempotency_token": token,
    }
    fields.update(extra)
    user = fields.pop("user", None)
    [made] = services.submit_request(services.ConsultationInput(**fields), user=user)
    return made


def clear(request: ConsultationRequest, clinician: Any) -> None:
    services.record_review(
        actor=clinician, request=request, decision="cleared", note="Discussed with the GP: fine to go ahead."
    )


def future_local(days: int = 10, hour: int = 14) -> str:
    """A datetime-local value ``days`` ahead, as the booking form sends it."""
    day = timezone.localdate() + timedelta(days=days)
    return f"{day:%Y-%m-%d}T{hour:02d}:00"


def form_data(to_clinics: list[Clinic], treatment: Treatment, **overrides: Any) -> dict[str, Any]:
    """A complete, valid POST for the request form: yes to the blood-thinner question."""
    data: dict[str, Any] = {
        "clinics": [c.pk for c in to_clinics],
        "treatments": [treatment.pk],
        "concern_1": concern().pk,
        "areas": [area().pk],
        "hopes": "Softer stretch marks on my tummy before summer",
        "contact_method": "email",
        "contact_times": "Weekday evenings",
        "name": "Rosa Reader",
        "email": "rosa.reader@example.org",
        "phone": "",
        "is_adult_confirmed": "on",
        "idempotency_token": "token-0123456789abcdef",
        "q_pregnancy-breastfeeding": "no",
        "q_anticoagulants-bleeding-disorder": "yes",
        "q_anticoagulants-bleeding-disorder_detail": "Warfarin since 2019 for a heart valve",
        "q_recent-vaccination-or-antibiotics": "no",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
