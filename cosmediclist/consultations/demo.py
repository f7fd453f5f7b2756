"""Demo consultations: a real inbox for Wellcare Medical Centre's staff, built through the services.

Six fictional requests in every status, some flagged, one from the demo patient account with a
recorded four-session mesotherapy plan. The services stamp "now"; the demo then moves each
request's arrival and first response into the past (a demo-only adjustment of timestamps, never
of content) so that the inbox reads naturally and the clinic has a response time to show.
Safe to run twice: each request has a fixed form token and is made only once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import BodyArea, Concern, Treatment
from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest, Status
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.directory.demo import WELLCARE
from cosmediclist.directory.models import Clinic

ZONE = "Europe/London"
# The path through the inbox to reach each final status.
PATHS: dict[str, list[str]] = {
    Status.NEW: [],
    Status.CONTACTED: [Status.CONTACTED],
    Status.BOOKED: [Status.CONTACTED, Status.BOOKED],
    Status.CLOSED: [Status.CONTACTED, Status.BOOKED, Status.TREATED, Status.CLOSED],
    Status.DECLINED: [Status.DECLINED],
}


@dataclass(frozen=True)
class DemoRequest:
    token: str
    name: str
    email: str
    treatment: str
    concerns: list[str]
    areas: list[str]
    hopes: str
    status: str
    received_hours_ago: float
    answered_after_hours: float | None = None
    yes: dict[str, str] = field(default_factory=dict)  # question slug → the reader's detail
    contact_method: str = "email"
    contact_times: str = ""
    phone: str = ""
    decline_reason: str = ""
    from_demo_patient: bool = False
    with_plan: bool = False


REQUESTS = [
    DemoRequest(
        token="demo-consultation-1",
        name="Nadia Okafor",
        email="nadia.okafor@patients.demo.cosmediclist.test",
        treatment="mesotherapy",
        concerns=["stretch-marks", "dull-skin"],
        areas=["abdomen"],
        hopes="Softer-looking stretch marks after my second pregnancy, if that is realistic.",
        status=Status.NEW,
        received_hours_ago=3,
        yes={"anticoagulants-bleeding-disorder": "I take a daily low-dose aspirin my GP prescribed."},
        contact_method="phone",
        contact_times="Weekday evenings after 6pm",
        phone="0161 496 0000",
    ),
    DemoRequest(
        token="demo-consultation-2",
        name="Tom Hughes",
        email="tom.hughes@patients.demo.cosmediclist.test",
        treatment="microneedling",
        concerns=["acne-scars"],
        areas=["face"],
        hopes="Smoother skin on my cheeks where I had acne as a teenager.",
        status=Status.NEW,
        received_hours_ago=26,
        yes={"isotretinoin-recent": "I finished a course of isotretinoin about three months ago."},
    ),
    DemoRequest(
        token="demo-consultation-3",
        name="Priya Shah",
        email="priya.shah@patients.demo.cosmediclist.test",
        treatment="chemical-peel",
        concerns=["hyperpigmentation", "uneven-texture"],
        areas=["face"],
        hopes="A more even skin tone; I would like to understand the options first.",
        status=Status.CONTACTED,
        received_hours_ago=4 * 24,
        answered_after_hours=5,
        yes={"recent-sun-exposure-tan": "Back from a beach holiday last week."},
    ),
    DemoRequest(
        token="demo-consultation-4",
        name=f"{accounts_demo.PATIENT.first_name} {accounts_demo.PATIENT.last_name}",
        email=accounts_demo.PATIENT.email,
        treatment="mesotherapy",
        concerns=["dull-skin", "fine-lines-and-wrinkles"],
        areas=["face", "neck"],
        hopes="Fresher, more hydrated-looking skin before a family wedding in the spring.",
        status=Status.BOOKED,
        received_hours_ago=9 * 24,
        answered_after_hours=3,
        from_demo_patient=True,
        with_plan=True,
    ),
    DemoRequest(
        token="demo-consultation-5",
        name="Grace Bennett",
        email="grace.bennett@patients.demo.cosmediclist.test",
        treatment="skin-booster",
        concerns=["fine-lines-and-wrinkles"],
        areas=["face"],
        hopes="Softer fine lines around my eyes.",
        status=Status.DECLINED,
        received_hours_ago=21 * 24,
        answered_after_hours=30,
        yes={"pregnancy-breastfeeding": "I am breastfeeding my four-month-old."},
        decline_reason=(
            "We do not offer injectable treatments while you are breastfeeding. "
            "You are very welcome to ask us again afterwards."
        ),
    ),
    DemoRequest(
        token="demo-consultation-6",
        name="Owen Price",
        email="owen.price@patients.demo.cosmediclist.test",
        treatment="mesotherapy",
        concerns=["hair-loss"],
        areas=["scalp"],
        hopes="To slow down the thinning at my crown.",
        status=Status.CLOSED,
        received_hours_ago=70 * 24,
        answered_after_hours=8,
    ),
]


def load() -> None:
    clinic = Clinic.objects.filter(name=WELLCARE, town="Manchester").first()
    staff = User.objects.filter(email=accounts_demo.CLINIC_STAFF.email).first()
    if clinic is None or staff is None:
        return
    patient = User.objects.filter(email=accounts_demo.PATIENT.email).first()
    made = set(
        ConsultationRequest.objects.filter(clinic=clinic, idempotency_token__startswith="demo-").values_list(
            "idempotency_token", flat=True
        )
    )
    offered = set(clinic.offers.values_list("treatment__slug", flat=True))
    for item in REQUESTS:
        if item.token in made or item.treatment not in offered:
            continue
        _make(item, clinic=clinic, staff=staff, patient=patient)
    services.refresh_response_times(clinic_ids=[clinic.pk])


def _make(item: DemoRequest, *, clinic: Clinic, staff: User, patient: User | None) -> None:
    treatment = Treatment.objects.get(slug=item.treatment)
    [request] = services.submit_request(
        services.ConsultationInput(
            clinics=[clinic],
            treatments=[treatment],
            concerns=_in_order(Concern, item.concerns),
            areas=_in_order(BodyArea, item.areas),
            hopes=item.hopes,
            contact_method=item.contact_method,
            contact_times=item.contact_times,
            name=item.name,
            email=item.email,
            phone=item.phone,
            is_adult_confirmed=True,
            answers=[
                services.Answer(q.slug, q.slug in item.yes, item.yes.get(q.slug, ""))
                for q in questions_for([treatment])
            ],
            idempotency_token=item.token,
        ),
        user=patient if item.from_demo_patient else None,
    )
    for step in PATHS[item.status]:
        services.move_request(
            actor=staff,
            request=request,
            to_status=step,
            reason=item.decline_reason,
            appointment_at=_local(timezone.localdate() + timedelta(days=3), time(11, 0)),
        )
    if item.with_plan:
        first = _local(timezone.localdate() + timedelta(days=10), time(10, 30))
        services.record_plan(
            actor=staff,
            request=request,
            treatment=treatment,
            starts=services.default_session_starts(treatment, first),
            duration_minutes=45,
            time_zone=ZONE,
        )
    received = timezone.now() - timedelta(hours=item.received_hours_ago)
    answered = received + timedelta(hours=item.answered_after_hours) if item.answered_after_hours else None
    ConsultationRequest.objects.filter(pk=request.pk).update(
        created_at=received,
        first_response_at=answered,
        finished_at=answered if request.is_finished else None,
        # A consultation already held lies in the past, a few days after the first reply.
        appointment_at=(
            request.appointment_at
            if request.status == Status.BOOKED or answered is None or request.appointment_at is None
            else answered + timedelta(days=3)
        ),
    )


def _in_order(model: type[Concern] | type[BodyArea], slugs: list[str]) -> list[Any]:
    found = {o.slug: o for o in model.objects.filter(slug__in=slugs)}
    return [found[s] for s in slugs if s in found]


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(ZONE))
