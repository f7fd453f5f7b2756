"""Demo consultations: Wellcare's staff open a real inbox when they sign in to the demo."""

from __future__ import annotations

import itertools
from typing import Any

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.catalog import demo as catalog_demo
from cosmediclist.consultations import demo
from cosmediclist.consultations.models import ConsultationRequest, Flag, PlanStatus, Status, TreatmentPlan
from cosmediclist.core.models import AuditEvent
from cosmediclist.directory import demo as directory_demo
from cosmediclist.notifications.models import OutgoingEmail


def _load_all() -> None:
    accounts_demo.load()
    catalog_demo.load()
    directory_demo.load()
    demo.load()


def test_the_demo_fills_wellcares_inbox_in_every_status_and_a_second_run_adds_nothing(db: Any) -> None:
    _load_all()
    counts = (ConsultationRequest.objects.count(), OutgoingEmail.objects.count(), AuditEvent.objects.count())
    demo.load()
    assert (
        ConsultationRequest.objects.count(),
        OutgoingEmail.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
    requests = ConsultationRequest.objects.filter(clinic__name="Wellcare Medical Centre")
    assert requests.count() == len(demo.REQUESTS)
    assert set(requests.values_list("status", flat=True)) == {
        Status.NEW,
        Status.CONTACTED,
        Status.BOOKED,
        Status.DECLINED,
        Status.CLOSED,
    }
    assert {Flag.CLINICIAN_REVIEW, Flag.DO_NOT_TREAT, Flag.WAIT} <= set(
        requests.values_list("flag", flat=True)
    )
    mine = requests.get(user__email=accounts_demo.PATIENT.email)
    assert mine.status == Status.BOOKED
    answered = requests.exclude(first_response_at=None).values_list("created_at", "first_response_at")
    assert all(first is not None and received < first for received, first in answered)


def test_the_demo_patient_has_a_four_session_mesotherapy_plan_in_the_future_with_every_reminder_pending(
    db: Any,
) -> None:
    _load_all()
    plan = TreatmentPlan.objects.get(request__user__email=accounts_demo.PATIENT.email)
    assert plan.treatment.slug == "mesotherapy"
    assert plan.status == PlanStatus.ACTIVE
    starts = list(plan.sessions.values_list("starts_at", flat=True))
    assert len(starts) == 4
    assert {(b - a).days for a, b in itertools.pairwise(starts)} == {14}
    assert plan.reminders.filter(queued_at=None, cancelled_at=None).count() == 4 * 3 + 1
    assert OutgoingEmail.objects.filter(key=f"plan:{plan.pk}:recorded").exists()
