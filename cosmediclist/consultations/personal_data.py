"""What consultations hold about a patient: requests, questionnaire answers, clinic notes, plans."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, Q, QuerySet

from cosmediclist.consultations.models import (
    ChangeRequest,
    ClinicalReview,
    ConsultationRequest,
    IntakeAnswer,
    RequestNote,
    TreatmentPlan,
)
from cosmediclist.consultations.services.privacy import erase_requests
from cosmediclist.core.personal_data import Exporter, Holding, Person, register, stamp


def requests_of(person: Person) -> QuerySet[ConsultationRequest]:
    query = Q(pk__in=[])
    if person.user_id is not None:
        query |= Q(user_id=person.user_id)
    for address in person.emails:
        query |= Q(email__iexact=address)
    return ConsultationRequest.objects.filter(query).filter(erased_at__isnull=True)


def _export_request(request: ConsultationRequest) -> dict[str, Any]:
    return {
        "reference": request.reference,
        "clinic": request.clinic.name,
        "status": request.get_status_display(),
        "submitted_at": stamp(request.created_at),
        "updated_at": stamp(request.updated_at),
        "treatments": [treatment.name for treatment in request.treatments.all()],
        "concerns": [link.concern.name for link in request.concern_links.all()],
        "areas": [area.name for area in request.areas.all()],
        "hopes": request.hopes,
        "contact_method": request.get_contact_method_display(),
        "contact_times": request.contact_times,
        "name": request.name,
        "email": request.email,
        "phone": request.phone,
        "adult_confirmed": request.is_adult_confirmed,
        "decline_reason": request.decline_reason,
        "first_response_at": stamp(request.first_response_at),
        "finished_at": stamp(request.finished_at),
        "withdrawn_at": stamp(request.withdrawn_at),
        "reminders_stopped_at": stamp(request.reminders_unsubscribed_at),
        "answers_purged_at": stamp(request.intake_purged_at),
    }


def _export_answer(answer: IntakeAnswer) -> dict[str, Any]:
    return {
        "request": answer.request.reference,
        "question": answer.question,
        "answer": answer.answer,
        "detail": answer.detail,
    }


def _export_note(note: RequestNote) -> dict[str, Any]:
    return {"request": note.request.reference, "written_at": stamp(note.created_at), "note": note.body}


def _export_plan(plan: TreatmentPlan) -> dict[str, Any]:
    return {
        "request": plan.request.reference,
        "treatment": plan.treatment.name,
        "status": plan.get_status_display(),
        "time_zone": plan.time_zone,
        "recorded_at": stamp(plan.created_at),
        "maintenance_due_at": stamp(plan.maintenance_due_at),
        "sessions": [
            {
                "number": session.number,
                "starts_at": stamp(session.starts_at),
                "minutes": session.duration_minutes,
                "status": session.get_status_display(),
            }
            for session in plan.sessions.all()
        ],
        "reminders": [
            {
                "kind": reminder.get_kind_display(),
                "due_at": stamp(reminder.due_at),
                "sent_at": stamp(reminder.queued_at),
                "cancelled_at": stamp(reminder.cancelled_at),
            }
            for reminder in plan.reminders.all()
        ],
    }


def _erase_with_request(rows: QuerySet[Any]) -> int:
    """Answers, notes and plans go with their request (see ``erase_requests``); counted here."""
    return int(rows.count())


def _export_change(change: ChangeRequest) -> dict[str, Any]:
    return {
        "request": change.request.reference,
        "asked": change.get_kind_display(),
        "message": change.message,
        "asked_at": stamp(change.created_at),
    }


def _export_review(review: ClinicalReview) -> dict[str, Any]:
    return {
        "request": review.request.reference,
        "decision": review.get_decision_display(),
        "note": review.note,
        "decided_at": stamp(review.created_at),
    }


def _part_of_request(
    model: type[Model],
    *,
    section: str,
    description: str,
    export: Exporter,
    retention: str,
    related: tuple[str, ...] = ("request",),
    prefetch: tuple[str, ...] = (),
    erasure: str = "Deleted.",
) -> Holding:
    """A model whose rows belong to a request: found through the person's requests, erased with them."""
    return Holding(
        model=model._meta.label_lower,
        section=section,
        description=description,
        find=lambda person: (
            model._default_manager.filter(request__in=requests_of(person))
            .select_related(*related)
            .prefetch_related(*prefetch)
        ),
        export=export,
        erase=_erase_with_request,
        order=10,
        retention=retention,
        erasure=erasure,
    )


register(
    [
        _part_of_request(
            ChangeRequest,
            section="Requests to change a booking",
            description="What you asked a clinic when you wanted to cancel or rearrange, encrypted at rest.",
            export=_export_change,
            retention="REQUEST_RETENTION_DAYS",
        ),
        _part_of_request(
            ClinicalReview,
            section="Clinical review of your answers",
            description="A clinician's decision on a flagged request, with their note.",
            export=_export_review,
            retention="REQUEST_RETENTION_DAYS",
        ),
        _part_of_request(
            IntakeAnswer,
            section="Questionnaire answers",
            description="Your answers to the medical screening questions, encrypted at rest.",
            export=_export_answer,
            retention="INTAKE_RETENTION_DAYS",
        ),
        _part_of_request(
            RequestNote,
            section="Clinic notes",
            description="Notes a clinic wrote about your request, encrypted at rest.",
            export=_export_note,
            retention="INTAKE_RETENTION_DAYS",
        ),
        _part_of_request(
            TreatmentPlan,
            section="Treatment plans",
            description="Plans a clinic recorded for you, with their sessions and reminders.",
            export=_export_plan,
            retention="REQUEST_RETENTION_DAYS",
            related=("request", "treatment"),
            prefetch=("sessions", "reminders"),
            erasure="Deleted, with their sessions and reminders.",
        ),
        Holding(
            model="consultations.consultationrequest",
            section="Consultation requests",
            description="The requests you sent to clinics: contact details, treatments, concerns, hopes.",
            find=lambda person: (
                requests_of(person)
                .select_related("clinic")
                .prefetch_related("treatments", "areas", "concern_links__concern")
            ),
            export=_export_request,
            erase=erase_requests,
            claim=lambda user: ConsultationRequest.objects.filter(
                email__iexact=user.email, user__isnull=True
            ).update(user=user),
            claimed_as="requests",
            order=20,
            retention="REQUEST_RETENTION_DAYS",
            erasure=(
                "Your name, email, phone, contact times, hopes, concerns and areas are erased; the "
                "clinic keeps the reference, treatments and dates, marked as erased."
            ),
        ),
    ]
)
