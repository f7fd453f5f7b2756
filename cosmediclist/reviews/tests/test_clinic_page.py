"""The clinic page's reviews: filters, sort, helpful votes, structured data; the patient's account link."""

from __future__ import annotations

import json
import re
from typing import Any

from django.test import Client

from cosmediclist.reviews import tokens
from cosmediclist.reviews.models import Review
from cosmediclist.reviews.tests.factories import approved_review, invitation_for, treated_request
from tests.personas import client_for

PAGE = "/clinics/wellcare-medical-centre-manchester/"


def test_filters_sort_and_helpful_votes(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    low = approved_review(
        clinic, treatment, staff=clinic_staff, editor=editor, rating=1, title="Poor aftercare"
    )
    approved_review(clinic, treatment, staff=clinic_staff, editor=editor, rating=5, title="Lovely team")
    only_low = client.get(PAGE + "?rating=1").content.decode()
    assert "Poor aftercare" in only_low and "Lovely team" not in only_low
    assert "Lovely team" in client.get(PAGE + "?treatment=mesotherapy").content.decode()
    assert "No review matches" in client.get(PAGE + "?rating=3").content.decode()
    assert client.get(PAGE + "?rating=abc&sort=<script>&treatment=nope&page=x").status_code == 200
    assert client.post(f"/reviews/{low.pk}/helpful/").status_code == 302
    client.post(f"/reviews/{low.pk}/helpful/")  # the same address again: not counted twice
    assert Review.objects.get(pk=low.pk).helpful_count == 1
    helpful_first = client.get(PAGE + "?sort=helpful").content.decode()
    assert helpful_first.index("Poor aftercare") < helpful_first.index("Lovely team")
    newest_first = client.get(PAGE).content.decode()
    assert newest_first.index("Lovely team") < newest_first.index("Poor aftercare")


def test_structured_data_lists_the_reviews_without_any_email(
    client: Client, clinic: Any, treatment: Any, clinic_staff: Any, editor: Any
) -> None:
    review = approved_review(clinic, treatment, staff=clinic_staff, editor=editor, title="</script><b>x")
    html = client.get(PAGE).content.decode()
    blocks = [
        json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    nodes = [n for b in blocks for n in b.get("@graph", [b])]
    clinic_nodes = [n for n in nodes if n.get("@type") == "MedicalClinic"]
    assert any(n.get("aggregateRating", {}).get("ratingCount") == 1 for n in clinic_nodes)
    [reviews] = [n["review"] for n in clinic_nodes if "review" in n]
    assert reviews[0]["name"] == "</script><b>x"
    assert reviews[0]["reviewRating"]["ratingValue"] == 4
    assert review.request.email not in html


def test_a_signed_in_patient_finds_their_invitation_in_their_account(
    patient: Any, clinic: Any, treatment: Any, clinic_staff: Any
) -> None:
    request = treated_request(clinic, treatment, staff=clinic_staff, email=patient.email)
    request.user = patient
    request.save(update_fields=["user"])
    invitation = invitation_for(request)
    account = client_for(patient)
    assert "Review Wellcare Medical Centre" not in account.get("/account/").content.decode()  # not sent yet
    type(invitation).objects.filter(pk=invitation.pk).update(sent_at=invitation.send_after)
    html = account.get("/account/").content.decode()
    assert "Review Wellcare Medical Centre" in html
    assert tokens.invitation_path(invitation.pk).split(":")[0] in html
