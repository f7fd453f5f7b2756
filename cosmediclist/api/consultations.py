"""API: consultation requests. The questionnaire for chosen treatments, submission (idempotent),
the patient's status (signed token), the signed-in patient's plans, and a clinic key's inbox.

Submission calls the same service as the request form. Only the patient's own status carries
their health answers; nothing else here outputs a health answer or an email address.
"""

import hashlib
import re
from datetime import datetime
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, HeaderEx, P, Query, QueryEx, Router, Schema, Status
from pydantic import field_validator

from cosmediclist.api import auth, pagination
from cosmediclist.api.errors import INVALID, NOT_FOUND, UnknownName, ValidationErrorOut
from cosmediclist.api.idempotency import Outcome, run_once
from cosmediclist.api.models import Scope
from cosmediclist.api.pagination import Paged, PageIn
from cosmediclist.catalog.models import BodyArea, Concern, Treatment
from cosmediclist.consultations import access, services, tokens
from cosmediclist.consultations.account import my_requests
from cosmediclist.consultations.inputs import ConsultationInput
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.questionnaire import DETAIL_MAX, questions_for
from cosmediclist.core import audit
from cosmediclist.core.text import strip_control_characters
from cosmediclist.directory.models import Clinic

router = Router(tags=["consultations"])


class DetailOut(Schema):
    detail: str


REFUSED = {401: DetailOut, 403: DetailOut, 429: DetailOut}


# The questionnaire


class QuestionOut(Schema):
    slug: str = Field(description="Answer it in `answers` under this slug.")
    question: str
    help_text: str
    treatments: list[str] = Field(description="The chosen treatments this question is asked for.")


class QuestionnaireOut(Schema):
    treatments: list[str]
    questions: list[QuestionOut]


class FieldError(Exception):
    def __init__(self, field: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.field, self.message, self.status = field, message, status


_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def _by_slug(
    model: Any, slugs: list[str], field: str, queryset: Any = None, *, keep_repeats: bool = False
) -> list[Any]:
    """The rows named by ``slugs``, in the order given; FieldError naming ``field`` for an unknown one.

    A repeated slug counts once, unless ``keep_repeats`` (so the input's own rule can name it).
    """
    source = queryset if queryset is not None else model.objects
    # Only slug-shaped values reach the database (PostgreSQL refuses NUL and the like in text).
    rows = {row.slug: row for row in source.filter(slug__in=[s for s in slugs if _SLUG.fullmatch(s)])}
    unknown = [slug for slug in slugs if slug not in rows]
    if unknown:
        raise FieldError(field, f"Unknown {field}: {', '.join(unknown[:5])}.")
    return [rows[slug] for slug in (slugs if keep_repeats else dict.fromkeys(slugs))]


class QuestionsQuery(Schema):
    treatment: list[str] = Field(min_length=1, max_length=10, description="Treatment slugs (repeat it).")


@router.get(
    "/consultations/questions",
    auth=auth.READ,
    response={200: QuestionnaireOut, **NOT_FOUND, **INVALID},
    summary="The health questions asked for the chosen treatments",
)
def questionnaire(request: HttpRequest, chosen: Query[QuestionsQuery]) -> QuestionnaireOut:
    """Every screening question that applies to any of the treatments (slugs), once each.

    Submit a request with a yes or no answer to each of them.
    """
    try:
        treatments = _by_slug(Treatment, chosen.treatment, "treatment", Treatment.objects.published())
    except FieldError as error:  # a read naming what does not exist: 404 naming the field, as the reads do
        raise UnknownName(error.field, error.message) from None
    chosen_ids = {t.pk for t in treatments}
    return QuestionnaireOut(
        treatments=[t.slug for t in treatments],
        questions=[
            QuestionOut(
                slug=q.slug,
                question=q.question,
                help_text=q.help_text,
                treatments=sorted(t.slug for t in q.treatments.all() if t.pk in chosen_ids),
            )
            for q in questions_for(treatments)
        ],
    )


# Submission


class AnswerIn(Schema):
    question: str = Field(max_length=80, description="The question's slug.")
    answer: Literal["yes", "no"]
    detail: str = Field("", max_length=DETAIL_MAX, description="Anything the clinician should know.")


class ConsultationRequestIn(Schema):
    """What the request form asks, as JSON; the patient must have agreed to each clinic seeing it."""

    clinics: list[str] = Field(min_length=1, max_length=3, description="Slugs of 1 to 3 verified clinics.")
    treatments: list[str] = Field(min_length=1, max_length=10, description="Slugs the clinics all offer.")
    concerns: list[str] = Field(
        min_length=1, max_length=3, description="Concern slugs, most important first."
    )
    areas: list[str] = Field(default_factory=list, max_length=20, description="Body area slugs.")
    hopes: str = Field(min_length=1, max_length=2000)
    contact_method: Literal["email", "phone", "either"]
    contact_times: str = Field("", max_length=200)
    name: str = Field(min_length=1, max_length=120)
    email: str = Field(max_length=254, json_schema_extra={"format": "email"})
    phone: str = Field("", max_length=30)
    is_adult_confirmed: bool = False
    answers: list[AnswerIn] = Field(default_factory=list, max_length=100)

    model_config = {
        "json_schema_extra": {
            "example": {
                "clinics": ["example-clinic"],
                "treatments": ["mesotherapy"],
                "concerns": ["dull-skin"],
                "areas": [],
                "hopes": "Brighter skin before the summer.",
                "contact_method": "email",
                "contact_times": "",
                "name": "A. Example",
                "email": "someone@example.org",
                "phone": "",
                "is_adult_confirmed": True,
                "answers": [{"question": "pregnancy", "answer": "no", "detail": ""}],
            }
        }
    }

    @field_validator("hopes", "contact_times", "name", "phone")
    @classmethod
    def _plain(cls, value: str) -> str:
        return strip_control_characters(value).strip()


class SubmittedOut(Schema):
    reference: str
    clinic: str
    status: str
    status_url: str = Field(description="The patient's status page (keep it private: it is their key).")
    status_token: str = Field(description="For GET /consultations/requests/{reference}/status?token=…")


class SubmissionOut(Schema):
    requests: list[SubmittedOut]


def _check_email(data: ConsultationRequestIn) -> None:
    """The one rule the form's EmailField checks before its input is built."""
    try:
        validate_email(data.email)
    except ValidationError:
        raise FieldError("email", "Enter a valid email address.") from None


def _input(data: ConsultationRequestIn, token: str) -> ConsultationInput:
    """The same ``ConsultationInput`` the request form builds, from the API's schema."""
    _check_email(data)
    return ConsultationInput(
        clinics=_by_slug(Clinic, data.clinics, "clinics"),
        treatments=_by_slug(Treatment, data.treatments, "treatments", Treatment.objects.published()),
        concerns=_by_slug(Concern, data.concerns, "concerns", keep_repeats=True),
        areas=_by_slug(BodyArea, data.areas, "areas"),
        hopes=data.hopes,
        contact_method=data.contact_method,
        contact_times=data.contact_times,
        name=data.name,
        email=data.email,
        phone=data.phone,
        is_adult_confirmed=data.is_adult_confirmed,
        answers=[
            services.Answer(slug=a.question, is_yes=a.answer == "yes", detail=a.detail.strip())
            for a in data.answers
        ],
        idempotency_token=token,
    )


def _submit(data: ConsultationRequestIn, caller: auth.Caller, token: str) -> Outcome:
    try:
        made = services.submit_request(_input(data, token), user=caller.user)
    except ValidationError as error:
        return Outcome(status=422, body={"errors": _field_errors(error)})
    for one in made:
        audit.record(
            actor=caller.user,
            action="api.request_submitted",
            obj=one,
            clinic_id=one.clinic_id,
            data={"reference": one.reference, "api_key": caller.key.prefix if caller.key else ""},
        )
    return Outcome(
        status=201,
        body={
            "requests": [
                {
                    "reference": one.reference,
                    "clinic": one.clinic.slug,
                    "status": one.status,
                    "status_url": settings.SITE_URL + tokens.status_path(one.reference),
                    "status_token": tokens.status_token(one.reference),
                }
                for one in made
            ]
        },
    )


def _field_errors(error: ValidationError) -> list[dict[str, str | None]]:
    if not hasattr(error, "error_dict"):
        return [{"field": None, "message": message} for message in error.messages]
    found: list[dict[str, str | None]] = []
    for field, messages in error.message_dict.items():
        name: str | None = f"answers.{field[2:]}" if field.startswith("q_") else field
        if name == "__all__":
            name = None
        found.extend({"field": name, "message": message} for message in messages)
    return found


@router.post(
    "/consultations/requests",
    auth=auth.key_or_session(Scope.SUBMIT),
    response={201: SubmissionOut, 409: DetailOut, 422: ValidationErrorOut, **REFUSED},
    summary="Submit a consultation request (one per clinic chosen)",
)
def submit(
    request: HttpRequest,
    response: HttpResponse,
    payload: ConsultationRequestIn,
    idempotency_key: HeaderEx[str | None, P(alias="Idempotency-Key", max_length=255)] = None,
) -> Status[Any]:
    """Send the request to each clinic, as the site's form does: same checks, same emails.

    Needs an API key with the `submit` scope, or the site's session with its CSRF token. Send an
    `Idempotency-Key` header: a retry with the same key and body returns the first response
    (`Idempotent-Replayed: true`), another body with that key gets 422, a retry while the first is
    still running gets 409. Keys are kept for 24 hours.
    """
    caller = auth.caller(request)

    def action(run: str) -> Outcome:
        # The form's own once-only token, from this run: should a retry take over a call that is
        # only slow (in flight past the timeout), the unique (clinic, token) rule of
        # submit_request still lets just one of the two store the requests.
        token = hashlib.sha256(run.encode()).hexdigest()
        try:
            return _submit(payload, caller, token)
        except FieldError as error:
            return Outcome(
                status=error.status, body={"errors": [{"field": error.field, "message": error.message}]}
            )

    outcome = run_once(
        key=idempotency_key,
        scope=caller.idempotency_scope,
        endpoint="POST /consultations/requests",
        body=payload.dict(),
        action=action,
    )
    if outcome.replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(outcome.status, outcome.body)


# The patient's own status (the signed token of the status page) and plans (signed in)


class AnswerOut(Schema):
    question: str
    answer: str
    detail: str


class SessionOut(Schema):
    number: int
    starts_at: datetime
    duration_minutes: int
    status: str


class PlanOut(Schema):
    treatment: str
    status: str
    time_zone: str
    maintenance_due_at: datetime | None
    sessions: list[SessionOut]


class StatusOut(Schema):
    reference: str
    clinic: str
    clinic_name: str
    status: str
    status_label: str
    submitted_at: datetime
    treatments: list[str]
    appointment_at: datetime | None
    appointment_place: str
    answers_purged: bool
    answers: list[AnswerOut] = Field(description="The patient's own answers: only ever shown here.")
    plans: list[PlanOut]


def _plans(found: ConsultationRequest) -> list[PlanOut]:
    return [
        PlanOut(
            treatment=plan.treatment.slug,
            status=plan.status,
            time_zone=plan.time_zone,
            maintenance_due_at=plan.maintenance_due_at,
            sessions=[
                SessionOut(
                    number=s.number,
                    starts_at=s.starts_at,
                    duration_minutes=s.duration_minutes,
                    status=s.status,
                )
                for s in plan.sessions.all()
            ],
        )
        for plan in found.plans.all()
    ]


@router.get(
    "/consultations/requests/{reference}/status",
    auth=auth.READ,
    response={200: StatusOut, **NOT_FOUND, **INVALID},
    summary="A request's status, for its patient (the token of their status link)",
)
def request_status(
    request: HttpRequest,
    response: HttpResponse,
    reference: str,
    token: QueryEx[str, P(max_length=500, description="The `t` of the patient's status link.")],
) -> StatusOut:
    """The status page as JSON: the token is the `t` of the link emailed to the patient. 404 otherwise."""
    found = access.get_request_for_patient(reference[:40], token)
    access.record_patient_read(request.user, found)
    response["Cache-Control"] = "private, no-store"
    return StatusOut(
        reference=found.reference,
        clinic=found.clinic.slug,
        clinic_name=found.clinic.name,
        status=found.status,
        status_label=found.get_status_display(),
        submitted_at=found.created_at,
        treatments=[t.slug for t in found.treatments.all()],
        appointment_at=found.appointment_at,
        appointment_place=found.appointment_place,
        answers_purged=found.intake_purged_at is not None,
        answers=[
            AnswerOut(question=a.question, answer=a.answer, detail=a.detail) for a in found.answers.all()
        ],
        plans=_plans(found),
    )


class MyRequestOut(Schema):
    reference: str
    clinic: str
    status: str
    submitted_at: datetime = Field(alias="created_at")
    treatments: list[str]
    plans: list[PlanOut]

    @staticmethod
    def resolve_clinic(obj: ConsultationRequest) -> str:
        return obj.clinic.slug

    @staticmethod
    def resolve_treatments(obj: ConsultationRequest) -> list[str]:
        return [t.slug for t in obj.treatments.all()]

    @staticmethod
    def resolve_plans(obj: ConsultationRequest) -> list[PlanOut]:
        return _plans(obj)


def _page_of(request: HttpRequest, paging: PageIn, found: QuerySet[ConsultationRequest]) -> dict[str, Any]:
    count = found.count()
    items = list(found[paging.start : paging.end]) if count > paging.start else []
    return pagination.page(request, paging, items, count)


@router.get(
    "/me/plans",
    auth=auth.SESSION,
    response={200: Paged[MyRequestOut], **REFUSED, **INVALID},
    summary="The signed-in patient's requests and treatment plans",
)
def my_plans(request: HttpRequest, paging: Query[PageIn]) -> dict[str, Any]:
    """For the site's own pages and apps using the site's session: no health answers here."""
    user = auth.caller(request).user
    if user is None:
        raise Http404
    return _page_of(request, paging, my_requests(user))


# A clinic key's inbox


class InboxRequestOut(Schema):
    reference: str
    status: str
    submitted_at: datetime = Field(alias="created_at")
    treatments: list[str]
    name: str
    contact_method: str
    inbox_url: str = Field(description="Open it in the portal to read the answers.")

    @staticmethod
    def resolve_treatments(obj: ConsultationRequest) -> list[str]:
        return [t.slug for t in obj.treatments.all()]

    @staticmethod
    def resolve_inbox_url(obj: ConsultationRequest) -> str:
        return settings.SITE_URL + reverse("consultations:portal-request", args=[obj.reference])


class InboxQuery(Schema):
    status: Literal["new", "contacted", "booked", "treated", "closed", "declined"] | None = None


@router.get(
    "/inbox/requests",
    auth=auth.key_auth(Scope.INBOX),
    response={200: Paged[InboxRequestOut], **REFUSED, **INVALID},
    summary="The requests in the key's clinic's inbox, newest first (no health answers)",
)
def inbox(request: HttpRequest, query: Query[InboxQuery], paging: Query[PageIn]) -> dict[str, Any]:
    """Read with a clinic key that has the `inbox` scope; open a request in the portal to read it."""
    key = auth.caller(request).key
    if key is None or key.clinic_id is None:
        raise Http404
    audit.record(
        actor=None, action="api.inbox_read", obj=key, clinic_id=key.clinic_id, data={"prefix": key.prefix}
    )
    found = ConsultationRequest.objects.filter(clinic_id=key.clinic_id, erased_at__isnull=True)
    if query.status:
        found = found.filter(status=query.status)
    return _page_of(request, paging, found.prefetch_related("treatments").order_by("-created_at", "-pk"))
