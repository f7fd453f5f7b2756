"""Two clinics with one of everything, for the tenant-isolation suite (test_tenant_isolation.py).

Clinic A (Wellcare, Manchester) and clinic B (Thames Skin Rooms, London) each get staff (an owner
linked to a practitioner on a register, so a clinician), practitioners, offers, a photo, a
consultation request with questionnaire answers, a clinician's decision and a note, a booking
with a change request, a treatment plan with its sessions and reminders, a side-effect report,
a published review with the clinic's reply and one waiting for moderation, a webhook endpoint
with a delivery and its attempt, an API key and an invitation to the team. B's patient has an
account and a secret calendar feed. Everything is made through the services, as
the product makes it, except the webhook's delivery attempt, stored directly (a real attempt needs a
receiver; the delivery log only reads the row).

Every private value of B carries a marker (``World.b_markers``): staff of A must never see one. The
patient's health answer carries ``HEALTH_MARKER``, which only that patient and B's staff may see.
A's request carries ``A_MARKER`` so that a list page can be shown to list rows at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from cosmediclist.accounts import reader
from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP, MEDICAL_REVIEWERS_GROUP, group
from cosmediclist.api import keys, webhooks
from cosmediclist.api.models import WebhookAttempt, WebhookDelivery
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.consultations import services as consultations
from cosmediclist.consultations import tokens
from cosmediclist.consultations.models import ConsultationRequest, Status
from cosmediclist.consultations.tests.factories import submit
from cosmediclist.directory import services as directory
from cosmediclist.directory.models import Clinic, Offer, Practitioner
from cosmediclist.directory.tests.factories import photo, thames, wellcare
from cosmediclist.reviews import services as reviews
from cosmediclist.reviews.tests.factories import (
    approved_review,
    invitation_for,
    review_input,
    treated_request,
)
from tests.personas import PASSWORD, make_user

HEALTH_MARKER = "Warfarin-Qv7hx2-since-2019"
A_MARKER = "Alba-Kw3rd9-Patient"

# Private values of clinic B (lower-case comparisons): none may reach staff of clinic A.
B_PATIENT_NAME = "Brenna Zx4qfeather"
B_PATIENT_EMAIL = "brenna.zx4qfeather@example.org"
B_NOTE = "Note-Zx4q-called-back-tuesday"
B_DECISION = "Decision-Zx4q-GP-letter-seen"
B_CHANGE = "Change-Zx4q-after-half-term"
B_SIDE_EFFECT = "SideEffect-Zx4q-bruising"
B_HOPES = "Hopes-Zx4q-smoother-forehead"
B_WEBHOOK_URL = "https://hooks-zx4q.example.org/cml"
B_KEY_NAME = "Key-Zx4q-CRM"
B_PENDING_TITLE = "Pending-Zx4q-review-title"
B_STAFF_EMAIL = "bram.zx4qstaff@example.org"


@dataclass(frozen=True)
class Target:
    """The ids an endpoint's URL is built from: B's objects, A's own with B's ids, or none at all."""

    slug: str
    clinic_pk: int
    practitioner: int
    offer: int
    photo: int
    reference: str
    session_number: int
    session: int
    plan: int
    review: int
    pending_review: int
    report: int
    key: int
    webhook: int


@dataclass
class World:
    clinic_a: Clinic
    clinic_b: Clinic
    staff_a: User
    staff_b: User
    patient: User
    other_patient: User
    reader: User
    editor: User
    medical_reviewer: User
    admin: User
    request_a: ConsultationRequest
    request_b: ConsultationRequest
    key_a: str
    key_b: str
    b: Target
    cross: Target
    missing: Target
    status_token_b: str
    calendar_token_b: str
    invitation_token_b: str
    unsubscribe_path_b: str
    b_markers: list[str] = field(default_factory=list)


def _clinician(admin: User, clinic: Clinic, user: User) -> None:
    practitioner = Practitioner.objects.filter(clinic=clinic).exclude(registration_number="").first()
    assert practitioner is not None
    directory.link_practitioner(actor=admin, practitioner=practitioner, user=user)


def _plan(request: ConsultationRequest, treatment: Any, staff: User) -> None:
    first = timezone.now() + timedelta(days=12)
    consultations.record_plan(
        actor=staff,
        request=request,
        treatment=treatment,
        starts=[first, first + timedelta(days=28)],
        duration_minutes=45,
    )


def _webhook(clinic: Clinic, staff: User, url: str) -> None:
    endpoint, _secret = webhooks.create_endpoint(
        actor=staff, clinic=clinic, url=url, events=["consultation.created", "review.published"]
    )
    webhooks.queue_event(clinic_id=clinic.pk, event_type="review.published", data={"review_id": 0})
    delivery = WebhookDelivery.objects.filter(endpoint=endpoint).latest("pk")
    WebhookAttempt.objects.create(delivery=delivery, number=1, status_code=500, error="HTTP 500")


def build_world() -> World:
    treatment = mesotherapy()
    admin = User.objects.create_superuser(
        "ada.admin@example.org", PASSWORD, first_name="Ada", last_name="Admin"
    )
    editor = make_user("edna.editor@example.org", "Edna", "Editor", is_staff=True)
    editor.groups.add(group(EDITORS_GROUP))
    medical_reviewer = make_user("mo.reviewer@example.org", "Mo", "Reviewer", is_staff=True)
    medical_reviewer.groups.add(group(MEDICAL_REVIEWERS_GROUP), group(EDITORS_GROUP))
    staff_a = make_user("alba.astaff@example.org", "Alba", "Astaff")
    staff_b = make_user(B_STAFF_EMAIL, "Bram", "Bstaff")
    patient = make_user(B_PATIENT_EMAIL, "Brenna", "Zx4qfeather")
    other_patient = make_user("otto.otherpatient@example.org", "Otto", "Otherpatient")
    reader_user = make_user("rosa.reader@example.org", "Rosa", "Reader")
    clinic_a = wellcare(staff=staff_a, treatment=treatment)
    clinic_b = thames(staff=staff_b, treatment=treatment)
    _clinician(admin, clinic_a, staff_a)
    _clinician(admin, clinic_b, staff_b)

    answers = [
        consultations.Answer("pregnancy-breastfeeding", False),
        consultations.Answer("anticoagulants-bleeding-disorder", True, HEALTH_MARKER),
        consultations.Answer("recent-vaccination-or-antibiotics", False),
    ]
    request_a = submit(
        clinic_a,
        treatment,
        user=other_patient,
        name=A_MARKER,
        email="otto.otherpatient@example.org",
        token="tenant-a-0123456789",
    )
    consultations.record_review(actor=staff_a, request=request_a, decision="cleared", note="Fine for A")
    request_b = submit(
        clinic_b,
        treatment,
        user=patient,
        name=B_PATIENT_NAME,
        email=B_PATIENT_EMAIL,
        phone="020 7946 0991",
        hopes=B_HOPES,
        answers=answers,
        token="tenant-b-0123456789",
    )
    consultations.record_review(actor=staff_b, request=request_b, decision="cleared", note=B_DECISION)
    consultations.add_note(actor=staff_b, request=request_b, body=B_NOTE)
    consultations.add_note(actor=staff_a, request=request_a, body="Note of clinic A")
    for request, staff in ((request_a, staff_a), (request_b, staff_b)):
        consultations.move_request(
            actor=staff,
            request=request,
            to_status=Status.BOOKED,
            appointment_at=timezone.now() + timedelta(days=3),
        )
        _plan(request, treatment, staff)
    consultations.ask_to_change(request=request_b, kind="rearrange", message=B_CHANGE, user=patient)
    report_b = reviews.report_side_effect(
        request=request_b, what=B_SIDE_EFFECT, started_on=timezone.localdate(), severity="mild"
    )

    published_b = approved_review(clinic_b, treatment, staff=staff_b, editor=editor)
    reviews.reply_to_review(review=published_b, actor=staff_b, body="Thank you from Thames")
    approved_review(clinic_a, treatment, staff=staff_a, editor=editor, title="Review of A")
    pending_b = reviews.submit_review(
        invitation=invitation_for(treated_request(clinic_b, treatment, staff=staff_b)),
        data=review_input(treatment, title=B_PENDING_TITLE),
        user=None,
    )

    _webhook(clinic_a, staff_a, "https://hooks-a.example.org/cml")
    _webhook(clinic_b, staff_b, B_WEBHOOK_URL)
    made_a = keys.create_key(
        actor=staff_a, name="Key of A", scopes=["inbox", "read", "submit"], clinic=clinic_a
    )
    made_b = keys.create_key(
        actor=staff_b, name=B_KEY_NAME, scopes=["inbox", "read", "submit"], clinic=clinic_b
    )
    photo(clinic_a, staff_a)
    photo_b = photo(clinic_b, staff_b)
    invitation = directory.invite_staff(actor=staff_b, clinic=clinic_b, email="newbie.zx4q@example.org")

    plan_b = request_b.plans.get()
    session_b = plan_b.sessions.order_by("number").first()
    assert session_b is not None
    practitioner_b = Practitioner.objects.filter(clinic=clinic_b).first()
    offer_b = Offer.objects.filter(clinic=clinic_b).first()
    assert practitioner_b is not None and offer_b is not None
    b = Target(
        slug=clinic_b.slug,
        clinic_pk=clinic_b.pk,
        practitioner=practitioner_b.pk,
        offer=offer_b.pk,
        photo=photo_b.pk,
        reference=request_b.reference,
        session_number=session_b.number,
        session=session_b.pk,
        plan=plan_b.pk,
        review=published_b.pk,
        pending_review=pending_b.pk,
        report=report_b.pk,
        key=made_b.key.pk,
        webhook=clinic_b.webhook_endpoints.get().pk,
    )
    cross = Target(**{**b.__dict__, "slug": clinic_a.slug, "reference": request_a.reference})
    missing = Target(
        slug="no-such-clinic",
        clinic_pk=987654,
        practitioner=987654,
        offer=987654,
        photo=987654,
        reference="CML-ZZZZ-ZZZZ",
        session_number=9,
        session=987654,
        plan=987654,
        review=987654,
        pending_review=987654,
        report=987654,
        key=987654,
        webhook=987654,
    )
    delivery_b = WebhookDelivery.objects.filter(endpoint__clinic=clinic_b).latest("pk")
    b_markers = [
        B_PATIENT_NAME,
        B_PATIENT_EMAIL,
        B_NOTE,
        B_DECISION,
        B_CHANGE,
        B_SIDE_EFFECT,
        B_HOPES,
        B_WEBHOOK_URL,
        B_KEY_NAME,
        B_PENDING_TITLE,
        B_STAFF_EMAIL,
        HEALTH_MARKER,
        request_b.reference,
        made_b.key.prefix,
        delivery_b.message_id,
        "020 7946 0991",
    ]
    b_markers += list(
        ConsultationRequest.objects.filter(clinic=clinic_b)
        .exclude(pk=request_b.pk)
        .values_list("reference", flat=True)
    )
    return World(
        clinic_a=clinic_a,
        clinic_b=clinic_b,
        staff_a=staff_a,
        staff_b=staff_b,
        patient=patient,
        other_patient=other_patient,
        reader=reader_user,
        editor=editor,
        medical_reviewer=medical_reviewer,
        admin=admin,
        request_a=request_a,
        request_b=request_b,
        key_a=made_a.secret,
        key_b=made_b.secret,
        b=b,
        cross=cross,
        missing=missing,
        status_token_b=tokens.status_token(request_b.reference),
        calendar_token_b=reader.create_calendar_feed(user=patient),
        invitation_token_b=invitation,
        unsubscribe_path_b=tokens.unsubscribe_path(request_b.reference),
        b_markers=b_markers,
    )
