"""The clinical gate: a flagged request is neither booked nor planned until a clinician decides."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from cosmediclist.consultations import services
from cosmediclist.consultations.models import ClinicalReview, Flag, Status, TreatmentPlan
from cosmediclist.consultations.tests.factories import clear, form_data, future_local, submit
from cosmediclist.core.models import AuditEvent
from cosmediclist.notifications.models import OutgoingEmail


def plan_post(consultation, treatment) -> dict[str, str]:
    return {
        "treatment": str(treatment.pk),
        "time_zone": "Europe/London",
        "duration_minutes": "45",
        "session_1": future_local(20),
    }


def booking(consultation, **extra: str) -> dict[str, str]:
    return {
        "status": "booked",
        "expected_status": consultation.status,
        "appointment_at": future_local(),
        "appointment_place": consultation.clinic.full_address,
        **extra,
    }


def test_a_flagged_request_cannot_be_booked_until_a_clinician_clears_it(staff_client, consultation) -> None:
    assert consultation.flag == Flag.CLINICIAN_REVIEW
    response = staff_client.post(f"/portal/inbox/{consultation.reference}/move/", booking(consultation))
    assert response.status_code == 400
    assert "a clinician" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == Status.NEW
    assert not OutgoingEmail.objects.filter(template="consultation_booked").exists()


def test_a_plan_for_a_flagged_request_is_refused_with_a_message_and_nothing_stored(
    staff_client, consultation, treatment
) -> None:
    page = staff_client.get(f"/portal/inbox/{consultation.reference}/plan/").content.decode()
    assert "needs a clinician" in page
    response = staff_client.post(
        f"/portal/inbox/{consultation.reference}/plan/", plan_post(consultation, treatment)
    )
    assert response.status_code == 400
    assert "needs a clinician" in response.content.decode()
    assert 'value="45"' in response.content.decode()  # what was typed stays
    assert not TreatmentPlan.objects.exists()
    assert not OutgoingEmail.objects.filter(template="plan_recorded").exists()


def test_staff_who_are_not_clinicians_cannot_record_a_review(staff_client, consultation) -> None:
    response = staff_client.post(
        f"/portal/inbox/{consultation.reference}/review/", {"decision": "cleared", "note": "Looks fine."}
    )
    assert response.status_code == 400
    assert "Only a clinician" in response.content.decode()
    assert "Looks fine." in response.content.decode()
    assert not ClinicalReview.objects.exists()


def test_a_clinician_of_another_clinic_gets_404(
    client, consultation, other_clinic, other_clinic_staff
) -> None:
    client.force_login(other_clinic_staff)
    response = client.post(
        f"/portal/inbox/{consultation.reference}/review/", {"decision": "cleared", "note": "Fine."}
    )
    assert response.status_code == 404
    assert not ClinicalReview.objects.exists()


def test_clearing_is_audited_shown_and_opens_booking_and_planning(
    clinician_client, staff_client, consultation, treatment
) -> None:
    page = staff_client.get(f"/portal/inbox/{consultation.reference}/").content.decode()
    assert "Waiting for a clinician's review" in page
    response = clinician_client.post(
        f"/portal/inbox/{consultation.reference}/review/",
        {"decision": "cleared", "note": "Spoke to her GP: warfarin is stable, fine with care."},
    )
    assert response.status_code == 302
    review = ClinicalReview.objects.get(request=consultation)
    assert review.decision == "cleared" and review.practitioner is not None
    event = AuditEvent.objects.get(action="consultation.reviewed")
    assert event.data == {"reference": consultation.reference, "decision": "cleared"}  # never the note
    page = staff_client.get(f"/portal/inbox/{consultation.reference}/").content.decode()
    assert "Cleared to go ahead by Nina Nurse" in page and "NMC 12A3456E" in page
    assert "warfarin is stable" in page
    move = staff_client.post(f"/portal/inbox/{consultation.reference}/move/", booking(consultation))
    assert move.status_code == 302
    plan = staff_client.post(
        f"/portal/inbox/{consultation.reference}/plan/", plan_post(consultation, treatment)
    )
    assert plan.status_code == 302
    assert TreatmentPlan.objects.filter(request=consultation).count() == 1


def test_declining_sends_the_reason_to_the_patient_through_the_outbox(clinician_client, consultation) -> None:
    reason = "Mesotherapy is not safe with warfarin; we suggest a skin booster after talking to your GP."
    response = clinician_client.post(
        f"/portal/inbox/{consultation.reference}/review/", {"decision": "declined", "note": reason}
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == Status.DECLINED and consultation.decline_reason == reason
    email = OutgoingEmail.objects.get(template="consultation_declined", to=consultation.email)
    assert email.context["reason"] == reason
    assert AuditEvent.objects.filter(action="consultation.reviewed", data__decision="declined").exists()


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"decision": "cleared", "note": ""}, "Write a note"),
        ({"decision": "declined", "note": " "}, "Give the patient a reason"),
        ({"decision": "approved-by-forgery", "note": "x"}, "Select a valid choice"),
    ],
)
def test_bad_review_posts_get_a_message_next_to_the_field_and_store_nothing(
    clinician_client, consultation, post, message
) -> None:
    response = clinician_client.post(f"/portal/inbox/{consultation.reference}/review/", post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ClinicalReview.objects.exists()
    consultation.refresh_from_db()
    assert consultation.status == Status.NEW


def test_a_request_is_reviewed_once_and_only_when_flagged(clinician, clinic, treatment, consultation) -> None:
    clear(consultation, clinician)
    with pytest.raises(ValidationError) as again:
        clear(consultation, clinician)
    assert "already" in str(again.value)
    plain = submit(
        clinic,
        treatment,
        token="plain-token-000000001",
        answers=[
            services.Answer("pregnancy-breastfeeding", False),
            services.Answer("anticoagulants-bleeding-disorder", False),
            services.Answer("recent-vaccination-or-antibiotics", False),
        ],
    )
    with pytest.raises(ValidationError):
        clear(plain, clinician)


def test_the_service_refuses_a_plan_for_a_do_not_treat_request(clinic_staff, clinic, treatment) -> None:
    pregnant = submit(
        clinic,
        treatment,
        token="pregnant-token-000001",
        answers=[
            services.Answer("pregnancy-breastfeeding", True),
            services.Answer("anticoagulants-bleeding-disorder", False),
            services.Answer("recent-vaccination-or-antibiotics", False),
        ],
    )
    assert pregnant.flag == Flag.DO_NOT_TREAT
    with pytest.raises(ValidationError) as refused:
        services.record_plan(
            actor=clinic_staff,
            request=pregnant,
            treatment=treatment,
            starts=[pregnant.created_at.replace(year=pregnant.created_at.year + 1)],
            duration_minutes=45,
        )
    assert "clinician" in str(refused.value)
    assert not TreatmentPlan.objects.exists()


def test_flags_stand_out_in_the_inbox_with_an_icon_and_words(staff_client, consultation, clinician) -> None:
    page = staff_client.get("/portal/inbox/").content.decode()
    assert 'class="flag flag--2"' in page and "flag__icon" in page and "Needs clinician review" in page
    assert "awaiting review" in page
    clear(consultation, clinician)
    page = staff_client.get("/portal/inbox/").content.decode()
    assert "cleared by a clinician" in page


def test_the_confirmation_page_says_plainly_when_an_answer_usually_rules_a_treatment_out(
    client, clinic, treatment
) -> None:
    data = form_data([clinic], treatment, **{"q_pregnancy-breastfeeding": "yes"})
    response = client.post(f"/clinics/{clinic.slug}/consultation/", data, follow=True)
    page = response.content.decode()
    assert "Your request has been sent" in page
    assert "Mesotherapy is not usually given" in page
    assert "Are you pregnant, trying to conceive or breastfeeding?" in page
    assert "the clinic will discuss this with you" in page


def test_the_confirmation_page_says_nothing_of_the_kind_without_such_an_answer(
    client, clinic, treatment
) -> None:
    response = client.post(
        f"/clinics/{clinic.slug}/consultation/", form_data([clinic], treatment), follow=True
    )
    page = response.content.decode()
    assert "Your request has been sent" in page
    assert "not usually given" not in page
