"""Demo reviews and outcomes, built through the services so that `make run` shows all of it.

Wellcare Medical Centre and every third verified demo clinic get approved reviews from treated
demo requests (some critical, one with Wellcare's reply, one rejected); mesotherapy and
microneedling get enough answered check-ins for a measured "results lasted" figure. The services
stamp "now"; the demo then moves review dates into the past (timestamps only, never content).
Safe to run twice: each demo request has a fixed form token and is made only once.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations import services as consultation_services
from cosmediclist.consultations.models import ConsultationRequest, Status
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.directory.demo import WELLCARE
from cosmediclist.directory.models import Clinic
from cosmediclist.reviews import services
from cosmediclist.reviews.demo_content import REJECTED, REJECTION_REASON, REVIEWS, STAFF_REPLY, DemoReview
from cosmediclist.reviews.models import Review
from cosmediclist.reviews.services import invitations

PREFIX = "demo-review-"
# Answers to "still visible?" at 3 and 6 months, one per demo patient (8 per treatment).
OUTCOMES = {
    "mesotherapy": (["fully"] * 5 + ["partly"] * 2 + ["gone"], ["fully"] * 2 + ["partly"] * 3 + ["gone"] * 3),
    "microneedling": (
        ["fully"] * 4 + ["partly"] * 3 + ["gone"],
        ["fully"] * 3 + ["partly"] * 3 + ["gone"] * 2,
    ),
}


def load() -> None:
    editor = User.objects.filter(email=accounts_demo.EDITOR.email).first()
    wellcare = Clinic.objects.filter(name=WELLCARE, town="Manchester").first()
    if editor is None or wellcare is None:
        return
    if ConsultationRequest.objects.filter(idempotency_token__startswith=PREFIX).exists():
        return
    staff = User.objects.filter(email=accounts_demo.CLINIC_STAFF.email).first()
    others = list(Clinic.objects.verified().exclude(pk=wellcare.pk).order_by("pk"))[::3]
    _reviews_for(wellcare, editor=editor, count=len(REVIEWS), seed=0, staff=staff)
    for seed, clinic in enumerate(others, 1):
        _reviews_for(clinic, editor=editor, count=2 + seed % 4, seed=seed, staff=None)
    for slug, (at_3, at_6) in OUTCOMES.items():
        _outcomes(wellcare, slug, at_3, at_6)


def _treated(clinic: Clinic, treatment: Treatment, token: str, n: int) -> ConsultationRequest:
    [request] = consultation_services.submit_request(
        consultation_services.ConsultationInput(
            clinics=[clinic],
            treatments=[treatment],
            concerns=[],
            areas=[],
            hopes="",
            contact_method="email",
            contact_times="",
            name=f"Demo patient {n}",
            email=f"{token}@patients.demo.cosmediclist.test",
            phone="",
            is_adult_confirmed=True,
            answers=[consultation_services.Answer(q.slug, False) for q in questions_for([treatment])],
            idempotency_token=token,
        ),
    )
    # The demo books the consultation an hour ahead, then records the treatment.
    consultation_services.move_request(
        actor=None,
        request=request,
        to_status=Status.BOOKED,
        appointment_at=timezone.now() + timedelta(hours=1),
    )
    consultation_services.move_request(actor=None, request=request, to_status=Status.TREATED)
    return request


def _write(
    clinic: Clinic, treatment: Treatment, text: DemoReview, *, token: str, n: int, days_ago: int
) -> Review:
    request = _treated(clinic, treatment, token, n)
    invitation = invitations.invite(
        request=request, treated_at=timezone.now() - timedelta(days=1), treatment_id=treatment.pk
    )
    if invitation is None:
        raise RuntimeError(f"demo request {token} was already invited")
    data = services.ReviewInput(
        treatment=treatment,
        treated_on=timezone.localdate(),
        rating=text.rating,
        verdict=text.verdict,
        title=text.title,
        body=text.body,
        display_name=text.display_name,
        rating_explanation=text.explanation,
        rating_care=text.care,
        rating_value=text.value,
    )
    review = services.submit_review(invitation=invitation, data=data, user=None)
    past = timezone.now() - timedelta(days=days_ago)
    Review.objects.filter(pk=review.pk).update(created_at=past, treated_on=(past - timedelta(days=5)).date())
    return review


def _reviews_for(clinic: Clinic, *, editor: User, count: int, seed: int, staff: User | None) -> None:
    treatments = [o.treatment for o in clinic.offers.select_related("treatment").order_by("treatment__name")]
    if not treatments:
        return
    for n in range(count):
        text = REVIEWS[(seed * 3 + n) % len(REVIEWS)]
        treatment = treatments[n % len(treatments)]
        review = _write(clinic, treatment, text, token=f"{PREFIX}{clinic.pk}-{n}", n=n, days_ago=9 + 11 * n)
        services.approve_review(review=review, actor=editor)
        published = timezone.now() - timedelta(days=8 + 11 * n)
        Review.objects.filter(pk=review.pk).update(published_at=published, moderated_at=published)
        if staff is not None and text.rating == 1:
            services.reply_to_review(review=review, actor=staff, body=STAFF_REPLY)
    if staff is not None:
        rejected = _write(
            clinic, treatments[0], REJECTED, token=f"{PREFIX}{clinic.pk}-rejected", n=99, days_ago=4
        )
        services.reject_review(review=rejected, actor=editor, reason=REJECTION_REASON)


def _outcomes(clinic: Clinic, slug: str, at_3: list[str], at_6: list[str]) -> None:
    treatment = Treatment.objects.filter(slug=slug).first()
    if treatment is None or not clinic.offers.filter(treatment=treatment).exists():
        return
    for n, (three, six) in enumerate(zip(at_3, at_6, strict=True)):
        request = _treated(clinic, treatment, f"{PREFIX}outcome-{slug}-{n}", n)
        last = timezone.now() - timedelta(days=200 + 9 * n)
        plan = consultation_services.record_plan(
            actor=None,
            request=request,
            treatment=treatment,
            starts=[last - timedelta(weeks=4), last],
            duration_minutes=45,
        )
        check_ins = {c.months: c for c in services.schedule_check_ins(plan=plan, finished_at=last, now=last)}
        _answer(check_ins[3], visible=three)
        _answer(check_ins[6], visible=six)


def _answer(check_in: Any, *, visible: str) -> None:
    type(check_in).objects.filter(pk=check_in.pk).update(sent_at=check_in.due_at)
    services.answer_check_in(check_in=check_in, question="visible", answer=visible)
    services.answer_check_in(check_in=check_in, question="again", answer="yes" if visible != "gone" else "no")
