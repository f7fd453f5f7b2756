"""Hostile input: the naughty-string and XSS corpora in every review and report field."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import timezone

from cosmediclist.consultations import tokens as consultation_tokens
from cosmediclist.reviews import tokens
from cosmediclist.reviews.models import Review, ReviewReply, ReviewStatus, SideEffectReport
from cosmediclist.reviews.rating import refresh_clinic_rating
from cosmediclist.reviews.tests import bulk
from cosmediclist.reviews.tests.factories import review_post
from tests.corpora import lines, naughty_strings
from tests.markup import as_received, assert_nothing_new, elements
from tests.personas import client_for

CLINIC_PAGE = "/clinics/wellcare-medical-centre-manchester/"


def _visible_text(html: str) -> str:
    return " ".join("".join(elements(html).text).split())


def test_naughty_strings_in_every_review_field_are_refused_or_stored_never_a_500(
    clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    values = naughty_strings()
    invites = bulk.invitations(clinic, treatment, len(values), prefix="NS")
    refused = 0
    for invitation, value in zip(invites, values, strict=True):
        data = review_post(treatment, title=value, body=value, display_name=value)
        response = Client().post(tokens.invitation_path(invitation.pk), data)
        assert response.status_code in (302, 400), value
        if response.status_code == 400:
            refused += 1
            assert set(response.context["form"].errors) & {"title", "body", "display_name", "__all__"}
    stored = list(Review.objects.all())
    assert refused > 0 and len(stored) > 400
    Review.objects.update(status=ReviewStatus.APPROVED, published_at=timezone.now())
    refresh_clinic_rating(clinic.pk)
    staff = client_for(clinic_staff)
    for review in stored[:60]:
        reply = staff.post(f"/portal/reviews/{review.pk}/reply/", {"body": review.body})
        assert reply.status_code in (302, 400)
    assert ReviewReply.objects.count() > 40
    seen: list[str] = []
    for page in range(1, len(stored) // 10 + 2):
        response = Client().get(f"{CLINIC_PAGE}?page={page}")
        assert response.status_code == 200
        seen.append(_visible_text(response.content.decode()))
    text = " ".join(seen)
    missing = [r.title for r in stored if " ".join(r.title.split()) not in text]
    assert missing == []


def test_xss_payloads_in_reviews_and_replies_create_nothing_on_the_clinic_page(
    clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    bulk.approved_reviews(
        clinic, treatment, ["Plain review\n\nwith https://example.org/ two lines"], prefix="XB"
    )
    refresh_clinic_rating(clinic.pk)
    baseline = elements(Client().get(CLINIC_PAGE).content.decode())
    queue_baseline = elements(client_for(editor).get("/moderation/reviews/?status=approved").content.decode())
    # Pagination links (rel="next"/"prev") are not in a one-page baseline.
    baseline.pairs.add(("a", "rel"))
    queue_baseline.pairs.add(("a", "rel"))
    Review.objects.all().delete()
    payloads = [as_received(p) for p in lines("xss-payloads-half.txt")][::6]
    reviews = bulk.approved_reviews(clinic, treatment, payloads, prefix="XS")
    ReviewReply.objects.bulk_create(ReviewReply(review=r, body=r.body) for r in reviews[:200])
    refresh_clinic_rating(clinic.pk)
    for page in range(1, len(payloads) // 10 + 2):
        html = Client().get(f"{CLINIC_PAGE}?page={page}").content.decode()
        found = assert_nothing_new(html, baseline)
        assert "<script>alert" not in html
        assert len([t for t in found.text if t.strip()]) > 0
    for page in range(1, 6):
        queue = client_for(editor).get(f"/moderation/reviews/?status=approved&page={page}")
        assert_nothing_new(queue.content.decode(), queue_baseline)


def test_naughty_strings_in_side_effect_and_report_fields_never_500(
    clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    [request] = bulk.requests(clinic, treatment, 1, prefix="SE")
    url = f"/consultations/{request.reference}/side-effect/?t={consultation_tokens.status_token(request.reference)}"
    [review] = bulk.approved_reviews(clinic, treatment, ["A fair review"], prefix="RP")
    today = timezone.localdate().isoformat()
    for n, value in enumerate(naughty_strings()):
        sent = Client().post(url, {"what": value, "started_on": today, "severity": "mild"})
        assert sent.status_code in (200, 400), value
        reported = Client(REMOTE_ADDR=f"10.0.{n // 250}.{n % 250}").post(
            f"/reviews/{review.pk}/report/", {"reason": value}
        )
        assert reported.status_code in (302, 400), value
    reports = list(SideEffectReport.objects.all())
    assert len(reports) > 400
    staff = client_for(clinic_staff)
    for report in reports[::25]:
        detail = staff.get(f"/portal/side-effects/{report.pk}/")
        assert detail.status_code == 200
        assert "<script>alert" not in detail.content.decode()
    assert staff.get("/portal/inbox/").status_code == 200
