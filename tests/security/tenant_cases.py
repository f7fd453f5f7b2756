"""The registry of the tenant-isolation suite: for every URL pattern of the site and every operation of
the partner API, how to aim it at clinic B's data (see test_tenant_isolation.py).

A URL pattern is keyed by its view name (``namespace:name``, as ``resolve()`` gives it) and an API
operation by its OpenAPI ``operationId``. A test fails when the URL resolver or the OpenAPI schema
lists an endpoint that has no case here, so a new endpoint gets one the day it is added.

Kinds of case, and what staff of clinic A must get from it:

- OBJECT: the URL names an object of clinic B (or B itself). Every method answers 404, as for an
  object that does not exist; a 405 is accepted only when a missing object gets the same 405 (the
  method is refused before anything is looked up). The same URL with A's own slug or reference in
  front of B's ids ("cross") answers the same way.
- ROLE: a page of a role staff of A do not have (editors' moderation, administrators' verification):
  B's object gets the same answer as a missing one, never a 2xx.
- LIST: a page or call that lists the caller's own rows (inbox, plans of the week, portal home,
  "my requests", exports): 200, with none of B's private markers; where ``own`` is given, A's own row
  is there, so the page is seen to list rows at all.
- CREDENTIAL: the URL carries another party's secret (status link, calendar feed, invitation,
  unsubscribe and export links). Staff of A do not hold it: with a forged one they get a 4xx. The
  holder's real link (``holder``) is fetched only by the patient in the health-answer check.
- PUBLIC: public by design (B's profile, the request form, reviews once published, photos): GET only,
  and none of B's private markers.
- UNSCOPED: nothing of any clinic (sign-in, sign-up, comments, editorial pages): GET only, and none of
  B's private markers. ``get=False`` for the two sign-out doors, which end the caller's session.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from tests.security.tenant_world import Target, World


class Kind(Enum):
    OBJECT = "object"
    ROLE = "role"
    LIST = "list"
    CREDENTIAL = "credential"
    PUBLIC = "public"
    UNSCOPED = "unscoped"


@dataclass(frozen=True)
class Case:
    kind: Kind
    templates: tuple[str, ...]
    own: str = ""
    holder: tuple[str, ...] = ()
    get: bool = True

    def urls(self, world: World, target: Target) -> list[str]:
        return [template.format(w=world, t=target) for template in self.templates]

    def own_marker(self, world: World) -> str:
        return self.own.format(w=world) if self.own else ""

    def holder_urls(self, world: World) -> list[str]:
        return [template.format(w=world, t=world.b) for template in self.holder]

    @property
    def crosses(self) -> bool:
        """True when the URL pairs a slug or reference with B's ids: A's own in front is tried too."""
        return any(("{t.slug}" in t or "{t.reference}" in t) and t.count("{t.") > 1 for t in self.templates)


def obj(*templates: str, holder: tuple[str, ...] = ()) -> Case:
    return Case(Kind.OBJECT, templates, holder=holder)


def role(*templates: str) -> Case:
    return Case(Kind.ROLE, templates)


def listing(*templates: str, own: str = "") -> Case:
    return Case(Kind.LIST, templates, own=own)


def credential(forged: str, holder: tuple[str, ...] = ()) -> Case:
    return Case(Kind.CREDENTIAL, (forged,), holder=holder)


def public(*templates: str) -> Case:
    return Case(Kind.PUBLIC, templates)


def unscoped(*templates: str, get: bool = True) -> Case:
    return Case(Kind.UNSCOPED, templates, get=get)


FORGED = "Zm9yZ2Vk:1tF0rg:forged-signature"
STATUS_LINK = "?t={w.status_token_b}"
PORTAL_CLINIC = "/portal/clinics/{t.slug}/"
INBOX = "/portal/inbox/{t.reference}/"

URL_CASES: dict[str, Case] = {
    # Site pages without clinic data
    "core:home": public("/"),
    "core:about": unscoped("/about/"),
    "core:editorial-policy": unscoped("/editorial-policy/"),
    "core:privacy": unscoped("/privacy/"),
    "core:contact": unscoped("/contact/"),
    "core:robots": unscoped("/robots.txt"),
    "core:favicon": unscoped("/favicon.ico"),
    "core:healthz": unscoped("/healthz"),
    "core:search": public("/search/?q={t.reference}"),
    "core:find": public("/find/?q=mesotherapy&near=London"),
    # Accounts: the signed-in person's own pages; sign-in doors
    "accounts:profile": listing("/account/"),
    "accounts:login": unscoped("/account/sign-in/"),
    "accounts:sign-in-code": unscoped("/account/sign-in/code/"),
    "accounts:logout": unscoped("/account/sign-out/", get=False),
    "accounts:sign-out-everywhere": unscoped("/account/sign-out/everywhere/", get=False),
    "accounts:two-factor": unscoped("/account/two-factor/"),
    "accounts:new-recovery-codes": unscoped("/account/two-factor/recovery-codes/"),
    "accounts:signup": unscoped("/account/sign-up/"),
    "accounts:signup-sent": unscoped("/account/sign-up/sent/"),
    "accounts:password-reset": unscoped("/account/password-reset/"),
    "accounts:password-reset-done": unscoped("/account/password-reset/sent/"),
    "accounts:password-reset-confirm": unscoped("/account/password-reset/MQ/forged-token/"),
    "accounts:password-reset-complete": unscoped("/account/password-reset/complete/"),
    "myaccount:ask-link": unscoped("/account/sign-in/link/"),
    "myaccount:link-sign-in": credential(f"/account/sign-in/link/{FORGED}/"),
    "myaccount:calendar": listing("/account/calendar/"),
    "myaccount:preferences": listing("/account/email-preferences/"),
    "myaccount:export": listing("/account/export/"),
    "myaccount:export-json": listing("/account/export/data.json"),
    "myaccount:ask-export": unscoped("/account/export/by-email/"),
    "myaccount:export-by-email": credential(f"/account/export/by-email/{FORGED}/"),
    "myaccount:export-by-email-json": credential(f"/account/export/by-email/{FORGED}/data.json"),
    "myaccount:erase": unscoped("/account/delete/"),
    "myaccount:erased": unscoped("/account/deleted/"),
    "myaccount:requests": listing("/account/requests/"),
    "myaccount:withdraw": obj("/account/requests/{t.reference}/withdraw/"),
    "myaccount:answers": obj("/account/requests/{t.reference}/answers/"),
    "myaccount:session-ics": obj("/account/requests/{t.reference}/sessions/{t.session_number}.ics"),
    "myaccount:calendar-ics": credential(
        "/account/calendar/forged-calendar-token.ics", holder=("/account/calendar/{w.calendar_token_b}.ics",)
    ),
    "myaccount:comments": listing("/account/comments/"),
    # Catalogue and discussion: no clinic data
    "catalog:treatment-list": public("/treatments/"),
    "catalog:treatment-detail": public("/treatments/mesotherapy/"),
    "catalog:concern-list": unscoped("/concerns/"),
    "catalog:concern-detail": unscoped("/concerns/sample/"),
    "catalog:area-list": unscoped("/areas/"),
    "catalog:area-detail": unscoped("/areas/sample/"),
    "catalog:compare-start": unscoped("/compare/"),
    "catalog:compare": unscoped("/compare/mesotherapy-vs-sample/"),
    "discussion:page-comments": unscoped("/comments/1/"),
    "discussion:post": unscoped("/comments/1/post/"),
    "discussion:permalink": unscoped("/comments/c/1/"),
    "discussion:edit": unscoped("/comments/c/1/edit/"),
    "discussion:delete": unscoped("/comments/c/1/delete/"),
    "discussion:report": unscoped("/comments/c/1/report/"),
    "discussion:unsubscribe": credential(f"/comments/unsubscribe/{FORGED}/"),
    "discussion:queue": unscoped("/moderation/comments/"),
    "discussion:bulk": unscoped("/moderation/comments/bulk/"),
    "discussion:moderate-link": credential(f"/moderation/comments/link/{FORGED}/"),
    "discussion:site-feed": unscoped("/feeds/comments/"),
    "discussion:page-feed": unscoped("/feeds/comments/1/"),
    # Consultations: the public form, the patient's signed pages, the clinic inbox
    "consultations:request": public("/clinics/{t.slug}/consultation/"),
    "consultations:request-for-treatment": public("/treatments/mesotherapy/consultation/?near=London"),
    "consultations:submitted": public("/consultations/thanks/"),
    "consultations:responsiveness": public("/consultations/response-times/"),
    "consultations:unsubscribe": credential(
        f"/consultations/unsubscribe/{FORGED}/", holder=("{w.unsubscribe_path_b}",)
    ),
    "consultations:status": obj(
        "/consultations/{t.reference}/", holder=("/consultations/{t.reference}/" + STATUS_LINK,)
    ),
    "consultations:summary": obj(
        "/consultations/{t.reference}/summary.txt",
        holder=("/consultations/{t.reference}/summary.txt" + STATUS_LINK,),
    ),
    "consultations:change": obj("/consultations/{t.reference}/change/"),
    "consultations:withdraw": obj("/consultations/{t.reference}/withdraw/"),
    "consultations:session-ics": obj(
        "/consultations/{t.reference}/sessions/{t.session_number}.ics",
        holder=("/consultations/{t.reference}/sessions/{t.session_number}.ics" + STATUS_LINK,),
    ),
    "consultations:portal-inbox": listing(
        "/portal/inbox/",
        "/portal/inbox/?q={t.reference}",
        "/portal/inbox/?status=booked",
        own="{w.request_a.reference}",
    ),
    "consultations:portal-week": listing("/portal/plans/this-week/"),
    "consultations:portal-request": obj(INBOX),
    "consultations:portal-move": obj(INBOX + "move/"),
    "consultations:portal-note": obj(INBOX + "notes/"),
    "consultations:portal-review": obj(INBOX + "review/"),
    "consultations:portal-plan": obj(INBOX + "plan/"),
    "consultations:portal-session-move": obj(INBOX + "sessions/{t.session}/move/"),
    "consultations:portal-session-cancel": obj(INBOX + "sessions/{t.session}/cancel/"),
    "consultations:portal-plan-cancel": obj(INBOX + "plans/{t.plan}/cancel/"),
    # Reviews: public reviews, the editors' queue, the clinic's replies and side-effect reports
    "reviews:write": credential(f"/reviews/write/{FORGED}/"),
    "reviews:thanks": unscoped("/reviews/thanks/"),
    "reviews:policy": unscoped("/reviews/policy/"),
    "reviews:method": unscoped("/reviews/outcomes/"),
    "reviews:report": public("/reviews/{t.review}/report/"),
    "reviews:helpful": public("/reviews/{t.review}/helpful/"),
    "reviews:check-in": credential(f"/check-ins/{FORGED}/"),
    "reviews:check-ins-unsubscribe": credential(f"/check-ins/stop/{FORGED}/"),
    "reviews:side-effect": obj(
        "/consultations/{t.reference}/side-effect/",
        holder=("/consultations/{t.reference}/side-effect/" + STATUS_LINK,),
    ),
    "reviews:queue": role("/moderation/reviews/"),
    "reviews:approve": role("/moderation/reviews/{t.pending_review}/approve/"),
    "reviews:reject": role("/moderation/reviews/{t.pending_review}/reject/"),
    "reviews:portal-reviews": listing("/portal/reviews/", own="Review of A"),
    "reviews:portal-reply": obj("/portal/reviews/{t.review}/reply/"),
    "reviews:portal-side-effect": obj("/portal/side-effects/{t.report}/"),
    "reviews:portal-side-effect-handled": obj("/portal/side-effects/{t.report}/handled/"),
    # The API's own pages (its operations are API_CASES)
    "api-v1:openapi-json": unscoped("/api/v1/openapi.json"),
    "api-v1:openapi-view": unscoped("/api/v1/docs"),
    # Keys and webhooks in the portal
    "api:portal-keys": obj(PORTAL_CLINIC + "api-keys/"),
    "api:portal-key-revoke": obj(PORTAL_CLINIC + "api-keys/{t.key}/revoke/"),
    "api:portal-webhooks": obj(PORTAL_CLINIC + "webhooks/"),
    "api:portal-webhook-disable": obj(PORTAL_CLINIC + "webhooks/{t.webhook}/disable/"),
    "api:portal-webhook-log": obj(PORTAL_CLINIC + "webhooks/deliveries/"),
    # Editorial
    "editorial:guide-index": unscoped("/guides/"),
    "editorial:feed-rss": unscoped("/feeds/guides/rss/"),
    "editorial:feed-atom": unscoped("/feeds/guides/atom/"),
    "editorial:tag-feed-rss": unscoped("/feeds/guides/tags/sample/rss/"),
    "editorial:tag-feed-atom": unscoped("/feeds/guides/tags/sample/atom/"),
    "sitemap": public("/sitemap.xml"),
    # Directory: public search and profile, the portal's listing editor, administrators' checks
    "directory:search": public("/clinics/?near=London&treatment=mesotherapy"),
    "directory:clinic-detail": public("/clinics/{t.slug}/"),
    "feedback:report-guide": unscoped("/report/guide/1/"),
    "feedback:report-clinic": public("/report/clinic/{t.slug}/"),
    "directory_portal:home": listing("/portal/", own="{w.clinic_a.name}"),
    "directory_portal:clinic": obj(PORTAL_CLINIC),
    "directory_portal:hours": obj(PORTAL_CLINIC + "hours/"),
    "directory_portal:practitioners": obj(PORTAL_CLINIC + "practitioners/"),
    "directory_portal:practitioner": obj(PORTAL_CLINIC + "practitioners/{t.practitioner}/"),
    "directory_portal:practitioner-delete": obj(PORTAL_CLINIC + "practitioners/{t.practitioner}/delete/"),
    "directory_portal:offers": obj(PORTAL_CLINIC + "offers/"),
    "directory_portal:offer": obj(PORTAL_CLINIC + "offers/{t.offer}/"),
    "directory_portal:offer-delete": obj(PORTAL_CLINIC + "offers/{t.offer}/delete/"),
    "directory_portal:photos": obj(PORTAL_CLINIC + "photos/"),
    "directory_portal:photo-delete": obj(PORTAL_CLINIC + "photos/{t.photo}/delete/"),
    "directory_portal:team": obj(PORTAL_CLINIC + "team/"),
    "directory_portal:accept-invitation": credential(f"/portal/invitations/{FORGED}/"),
    "directory_portal:verification": role("/portal/verification/"),
    "directory_portal:verify-clinic": role("/portal/verification/clinics/{t.clinic_pk}/"),
    "directory_portal:verify-practitioner": role("/portal/verification/practitioners/{t.practitioner}/"),
    # Uploaded photos (the only uploads: clinic and practitioner photos, public on the profile)
    "cosmediclist.directory.media.serve_media": public("/media/no-such-file.jpg"),
    # Wagtail's page tree and its private-page password form
    "wagtailcore_authenticate_with_password": unscoped("/_util/authenticate_with_password/1/1/"),
    "wagtailcore_login": unscoped("/_util/login/"),
    "wagtail_serve": unscoped("/no-such-page/"),
}

API = "/api/v1"
API_CASES: dict[str, Case] = {
    "cosmediclist_api_v1_index": unscoped(f"{API}/"),
    "cosmediclist_api_health_health": unscoped(f"{API}/health"),
    "cosmediclist_api_catalog_list_treatments": unscoped(f"{API}/treatments"),
    "cosmediclist_api_catalog_get_treatment": public(f"{API}/treatments/mesotherapy"),
    "cosmediclist_api_catalog_list_concerns": unscoped(f"{API}/concerns"),
    "cosmediclist_api_catalog_get_concern": unscoped(f"{API}/concerns/sample"),
    "cosmediclist_api_catalog_list_areas": unscoped(f"{API}/areas"),
    "cosmediclist_api_catalog_get_area": unscoped(f"{API}/areas/sample"),
    "cosmediclist_api_catalog_compare": unscoped(f"{API}/compare?t=mesotherapy&t=sample"),
    "cosmediclist_api_editorial_list_guides": unscoped(f"{API}/guides"),
    "cosmediclist_api_editorial_get_guide": unscoped(f"{API}/guides/sample"),
    "cosmediclist_api_directory_search_clinics": public(f"{API}/clinics?near=London"),
    "cosmediclist_api_directory_get_clinic": public(f"{API}/clinics/{{t.slug}}"),
    "cosmediclist_api_reviews_clinic_reviews": public(f"{API}/clinics/{{t.slug}}/reviews"),
    "cosmediclist_api_reviews_treatment_reviews": public(f"{API}/treatments/mesotherapy/reviews"),
    "cosmediclist_api_comments_page_comments": unscoped(f"{API}/pages/1/comments"),
    "cosmediclist_api_comments_guide_comments": unscoped(f"{API}/guides/sample/comments"),
    "cosmediclist_api_consultations_questionnaire": unscoped(
        f"{API}/consultations/questions?treatment=mesotherapy"
    ),
    # Anyone may ask any clinic: a POST makes a new request and changes no existing row.
    "cosmediclist_api_consultations_submit": public(f"{API}/consultations/requests"),
    "cosmediclist_api_consultations_request_status": obj(
        f"{API}/consultations/requests/{{t.reference}}/status?token=forged",
        holder=(f"{API}/consultations/requests/{{t.reference}}/status?token={{w.status_token_b}}",),
    ),
    "cosmediclist_api_consultations_my_plans": listing(f"{API}/me/plans"),
    "cosmediclist_api_consultations_inbox": listing(
        f"{API}/inbox/requests",
        f"{API}/inbox/requests?status=booked",
        own="{w.request_a.reference}",
    ),
}
