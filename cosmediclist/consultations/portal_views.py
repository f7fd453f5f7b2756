"""The clinic inbox under /portal/: list, request page, moves, notes, plans and sessions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from cosmediclist.accounts.http import AuthenticatedHttpRequest
from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations import services
from cosmediclist.consultations.access import (
    clinician_at,
    get_plan_for_staff,
    get_request_for_staff,
    get_session_for_staff,
    requests_for_staff,
)
from cosmediclist.consultations.forms import MoveForm, NoteForm, PlanForm, ReviewForm, SessionMoveForm
from cosmediclist.consultations.models import TIME_ZONES, ConsultationRequest, Flag, Status
from cosmediclist.consultations.references import normalise
from cosmediclist.core import audit, paging
from cosmediclist.core.portal import portal_view, run_form

PAGE_SIZE = 50


def guide_url(treatment: Treatment) -> str:
    """The treatment page's section on who should not have it (the catalogue's contraindications)."""
    return f"{treatment.get_absolute_url()}#contraindications"


def _audit_view(request: AuthenticatedHttpRequest, found: ConsultationRequest, action: str) -> None:
    audit.record(
        actor=request.user,
        action=action,
        obj=found,
        clinic_id=found.clinic_id,
        data={"reference": found.reference},
    )


@portal_view("GET")
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    mine = requests_for_staff(request.user)
    counts = dict(mine.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()
    listed = mine.for_inbox()
    if status in Status.values:
        listed = listed.filter(status=status)
    if query:
        listed = listed.filter(Q(reference=normalise(query)) | Q(reference__icontains=query.upper()[:13]))
    statuses = [(s.value, s.label, counts.get(s.value, 0)) for s in Status]
    listing = Paginator(listed, PAGE_SIZE).get_page(paging.page_number(request.GET.get("page")))
    audit.record(actor=request.user, action="consultation.inbox_viewed", data={"status": status})
    return render(
        request,
        "consultations/portal/inbox.html",
        {
            "requests": list(listing.object_list),
            "listing": listing,
            "filters": urlencode({k: v for k, v in (("status", status), ("q", query)) if v}),
            "statuses": statuses,
            "total": sum(counts.values()),
            "status": status,
            "q": query,
        },
    )


def _detail(
    request: AuthenticatedHttpRequest,
    found: ConsultationRequest,
    *,
    forms: dict[str, Form],
    status: int = 200,
    plan_error: str = "",
    moved: tuple[int, SessionMoveForm] | None = None,
) -> HttpResponse:
    """The request page; ``moved`` is a refused session move, shown with what was typed."""
    answers = sorted(found.answers.all(), key=lambda a: (-a.flag, a.pk))
    treatments = list(found.treatments.all())
    linked = []
    for answer in answers:
        asked_for = (
            {t.pk for t in answer.contraindication.treatments.all()} if answer.contraindication else set()
        )
        treatment = next((t for t in treatments if t.pk in asked_for), None)
        linked.append((answer, guide_url(treatment) if treatment else ""))
    plans = list(found.plans.all())
    return render(
        request,
        "consultations/portal/request.html",
        {
            "req": found,
            "answers": linked,
            "flagged": sum(1 for a in answers if a.flag != Flag.NONE),
            "plans": [
                (p, [(s, timezone.localtime(s.starts_at, p.zone)) for s in p.sessions.all()]) for p in plans
            ],
            "plan_error": plan_error,
            "move_form": forms.get("move") or _move_form(found),
            "note_form": forms.get("note") or NoteForm(),
            "review_form": forms.get("review") or ReviewForm(),
            "is_clinician": found.is_gated and clinician_at(request.user, found.clinic_id) is not None,
            "session_form": SessionMoveForm(),
            "moved_session": moved[0] if moved else None,
            "moved_form": moved[1] if moved else None,
        },
        status=status,
    )


def _move_form(found: ConsultationRequest) -> MoveForm:
    """Ready to book: the clinic's address as the place, the current status as the one expected."""
    return MoveForm(initial={"expected_status": found.status, "appointment_place": found.clinic.full_address})


@portal_view("GET")
def request_detail(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    found = get_request_for_staff(request.user, reference)
    _audit_view(request, found, "consultation.viewed")
    return _detail(request, found, forms={})


def _request_form(
    request: AuthenticatedHttpRequest,
    reference: str,
    name: str,
    form_class: type[Form],
    write: Callable[[ConsultationRequest, dict[str, Any]], object],
) -> HttpResponse:
    """One of the request page's forms: on success back to the request, else the page with its errors."""
    found = get_request_for_staff(request.user, reference)
    form = form_class(request.POST)
    if run_form(form, lambda data: write(found, data)):
        return redirect("consultations:portal-request", found.reference)
    return _detail(request, found, forms={name: form}, status=400)


@portal_view("POST")
def move(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _request_form(
        request,
        reference,
        "move",
        MoveForm,
        lambda found, data: services.move_request(
            actor=request.user,
            request=found,
            to_status=data["status"],
            reason=data["reason"],
            expected_status=data["expected_status"] or None,
            appointment_at=data["appointment_at"],
            appointment_place=data["appointment_place"],
        ),
    )


@portal_view("POST")
def review(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _request_form(
        request,
        reference,
        "review",
        ReviewForm,
        lambda found, data: services.record_review(
            actor=request.user, request=found, decision=data["decision"], note=data["note"]
        ),
    )


@portal_view("POST")
def add_note(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    return _request_form(
        request,
        reference,
        "note",
        NoteForm,
        lambda found, data: services.add_note(actor=request.user, request=found, body=data["body"]),
    )


def _zone_from(data: Any) -> str:
    chosen = data.get("time_zone", "Europe/London") if data else "Europe/London"
    return chosen if chosen in TIME_ZONES else "Europe/London"


@portal_view("GET", "POST")
def plan(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    found = get_request_for_staff(request.user, reference)
    treatments = found.treatments.all()
    treatment = next(iter(treatments), None)
    if request.method == "POST":
        chosen = treatments.filter(pk=request.POST.get("treatment") or 0).first() or treatment
        count = chosen.sessions_max if chosen else 1
        zone = _zone_from(request.POST)
        form = PlanForm(request.POST, treatments=treatments, session_count=count)
        with timezone.override(ZoneInfo(zone)):
            form.is_valid()  # the session times are local times in the plan's zone
        recorded = run_form(
            form,
            lambda data: services.record_plan(
                actor=request.user,
                request=found,
                treatment=data["treatment"],
                starts=[
                    data[f"session_{n}"] for n in range(1, count + 1) if data[f"session_{n}"] is not None
                ],
                duration_minutes=data["duration_minutes"],
                time_zone=data["time_zone"],
            ),
        )
        if recorded:
            return redirect("consultations:portal-request", found.reference)
        return render(
            request, "consultations/portal/plan.html", {"req": found, "form": form, "gate": ""}, status=400
        )
    _audit_view(request, found, "consultation.plan_form_viewed")
    count = treatment.sessions_max if treatment else 1
    initial: dict[str, Any] = {"treatment": treatment, "time_zone": "Europe/London"}
    if treatment is not None:
        initial["duration_minutes"] = treatment.session_minutes_max
        london = ZoneInfo("Europe/London")
        # Two weeks ahead at 10:00, so that even the week-before reminder is still to come
        # (a week ahead made it due this morning, and it was skipped after 10:00).
        start_day = timezone.localtime(timezone.now(), london).date() + timedelta(days=14)
        first = datetime(start_day.year, start_day.month, start_day.day, 10, 0, tzinfo=london)
        for n, start in enumerate(services.default_session_starts(treatment, first), 1):
            initial[f"session_{n}"] = timezone.localtime(start, london).strftime("%Y-%m-%dT%H:%M")
    form = PlanForm(initial=initial, treatments=treatments, session_count=count)
    gate = services.GATE_MESSAGE if found.is_gated else ""
    return render(request, "consultations/portal/plan.html", {"req": found, "form": form, "gate": gate})


@portal_view("POST")
def move_session(request: AuthenticatedHttpRequest, reference: str, session_id: int) -> HttpResponse:
    session = get_session_for_staff(request.user, reference, session_id)
    form = SessionMoveForm(request.POST, auto_id=f"move-{session.pk}-%s")
    with timezone.override(session.plan.zone):
        form.is_valid()  # the new time is a local time in the plan's zone
    if run_form(
        form,
        lambda data: services.move_session(actor=request.user, session=session, starts_at=data["starts_at"]),
    ):
        return redirect("consultations:portal-request", reference)
    found = get_request_for_staff(request.user, reference)
    return _detail(request, found, forms={}, status=400, moved=(session.pk, form))


@portal_view("POST")
def cancel_session(request: AuthenticatedHttpRequest, reference: str, session_id: int) -> HttpResponse:
    session = get_session_for_staff(request.user, reference, session_id)
    try:
        services.cancel_session(actor=request.user, session=session)
    except ValidationError as error:
        found = get_request_for_staff(request.user, reference)
        return _detail(request, found, forms={}, status=400, plan_error=" ".join(error.messages))
    return redirect("consultations:portal-request", reference)


@portal_view("POST")
def cancel_plan(request: AuthenticatedHttpRequest, reference: str, plan_id: int) -> HttpResponse:
    found_plan = get_plan_for_staff(request.user, reference, plan_id)
    try:
        services.cancel_plan(actor=request.user, plan=found_plan)
    except ValidationError as error:
        found = get_request_for_staff(request.user, reference)
        return _detail(request, found, forms={}, status=400, plan_error=" ".join(error.messages))
    return redirect("consultations:portal-request", reference)
