"""Review sections other apps' pages include: the clinic's reviews, a treatment's outcomes, the inbox flag."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString

from cosmediclist.core import pagecache
from cosmediclist.core.jsonld import json_ld
from cosmediclist.reviews import tokens
from cosmediclist.reviews.access import open_side_effect_reports
from cosmediclist.reviews.models import ReviewInvitation
from cosmediclist.reviews.selectors import (
    MINIMUM_PATIENTS,
    ClinicReviews,
    clinic_reviews,
    measured_outcomes,
    worth_it_share,
)

register = template.Library()


def reviews_json_ld(clinic: Any, section: ClinicReviews) -> SafeString:
    """schema.org Review items (this page of reviews) for the clinic's MedicalClinic node, by its @id."""
    url = settings.SITE_URL + clinic.get_absolute_url()
    # The clinic's AggregateRating is in the directory's own block (from Clinic.rating_average and
    # rating_count, which refresh_clinic_rating keeps); this block adds the reviews to the same node.
    node: dict[str, Any] = {"@type": "MedicalClinic", "@id": url + "#clinic", "name": clinic.name}
    node["review"] = [
        {
            "@type": "Review",
            "name": review.title,
            "reviewBody": review.body,
            "datePublished": review.published_at.date().isoformat() if review.published_at else None,
            "author": {"@type": "Person", "name": review.shown_name},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": review.rating,
                "bestRating": 5,
                "worstRating": 1,
            },
        }
        for review in section.page.object_list
    ]
    return json_ld({"@context": "https://schema.org", **node})


def _query(params: dict[str, str], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in ("", None)}
    return "?" + urlencode(merged) + "#reviews"


@register.inclusion_tag("reviews/_clinic_reviews.html", takes_context=True)
def clinic_reviews_section(context: dict[str, Any], clinic: Any) -> dict[str, Any]:
    request = context["request"]
    params = {k: request.GET.get(k, "") for k in ("treatment", "rating", "sort")}
    section = clinic_reviews(clinic, {**params, "page": request.GET.get("page", "1")})
    page = section.page
    return {
        "clinic": clinic,
        "section": section,
        "params": params,
        "json_ld": reviews_json_ld(clinic, section),
        "previous_url": _query(params, page=page.previous_page_number()) if page.has_previous() else "",
        "next_url": _query(params, page=page.next_page_number()) if page.has_next() else "",
        "csrf_token": context.get("csrf_token"),
        "minimum": MINIMUM_PATIENTS,
    }


@register.inclusion_tag("reviews/_treatment_outcomes.html")
def treatment_outcomes(treatment: Any) -> dict[str, Any]:
    """The "worth it" share across clinics and the measured "results lasted" figures: two queries,
    kept in the data cache (core/pagecache.py) until content changes (a review or an answer)."""
    share, measured = pagecache.cached_for_generation(
        f"treatment-outcomes:{treatment.pk}",
        lambda: (worth_it_share(treatment), measured_outcomes(treatment=treatment).get(treatment.pk, [])),
    )
    return {"treatment": treatment, "share": share, "measured": measured, "minimum": MINIMUM_PATIENTS}


@register.inclusion_tag("reviews/_inbox_side_effects.html")
def inbox_side_effects(user: Any) -> dict[str, Any]:
    """Side-effect reports not yet handled, flagged at the top of the clinic inbox (one query)."""
    return {"reports": open_side_effect_reports(user)}


@register.inclusion_tag("reviews/_account_invitations.html")
def account_invitations(user: Any) -> dict[str, Any]:
    """Review invitations waiting for a signed-in patient, with their signed links (one query)."""
    if not user.is_authenticated:
        return {"invitations": []}
    now = timezone.now()
    waiting = (
        ReviewInvitation.objects.filter(
            request__user=user, sent_at__isnull=False, expires_at__gt=now, request__review__isnull=True
        )
        .select_related("clinic")
        .order_by("-treated_at")
    )
    return {"invitations": [(i, tokens.invitation_path(i.pk)) for i in waiting]}
