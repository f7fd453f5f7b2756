"""Stored XSS across every surface (issue 19, point 1).

Every payload of both corpora goes into every text field a person types (found by introspection,
tests/security/xss.py), and every page that shows the field is read twice: by the Django test client
(its markup parsed: nothing a payload added, every value readable as text) and by chromium (alert,
confirm, prompt and print trapped, dialogs watched, the DOM searched for event handlers), once with the
CSP as served and once with it bypassed. Listings show many objects per page: their page sizes are
raised for the test (module constants and admin settings, set with monkeypatch; nothing is mocked).
"""

from __future__ import annotations

import io
import itertools
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.contrib import admin as django_admin
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from playwright.sync_api import Browser

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import TreatmentFactory, area, concern
from cosmediclist.directory.models import Clinic, Offer, Practitioner
from cosmediclist.discussion.models import Comment, ModerationSettings, Status
from cosmediclist.feedback.models import Message
from tests.e2e.test_comments_stored_xss import make_page
from tests.e2e.trap import trapped_tab
from tests.markup import Elements, elements
from tests.personas import client_for
from tests.security import figures
from tests.security.xss import (
    EXCLUDED,
    NOT_YET_COVERED,
    SEPARATOR,
    Findings,
    Shown,
    Surface,
    check_html,
    check_ics,
    check_json,
    excluded_by_rule,
    pack,
    payloads,
    placed,
    squeeze,
    text_fields,
)

API_PAGE = 100


@dataclass
class World:
    users: dict[str, User]
    clinic: Clinic
    treatment: Treatment
    clients: dict[str, Client] = field(default_factory=dict)
    counter: itertools.count[int] = field(default_factory=itertools.count)


def nth(values: list[str], n: int) -> str:
    return values[n % len(values)]


def unique(values: list[str], n: int) -> str:
    """``nth`` for a unique field: a value used again gets its row number appended."""
    value = values[n % len(values)]
    return value if values.index(value) == n else f"{value[:100]} {n}"


def rows_for(values: dict[str, list[str]]) -> int:
    return max(len(v) for v in values.values())


def api_pages(url: str, count: int) -> list[Shown]:
    return [
        Shown(f"API {url}", "anonymous", f"{url}?limit={API_PAGE}&offset={start}", "json")
        for start in range(0, count, API_PAGE)
    ]


# ---------------------------------------------------------------- the surfaces


def write_comments(world: World, values: dict[str, list[str]]) -> list[Shown]:
    page = make_page(f"Stored XSS comments {next(world.counter)}")
    n = rows_for(values)
    Comment.objects.bulk_create(
        Comment(
            page=page,
            name=nth(values["discussion.Comment.name"], i),
            email=f"x{i}@example.org",
            body=nth(values["discussion.Comment.body"], i),
            status=Status.APPROVED,
            ip_hash=str(i),
        )
        for i in range(n)
    )
    return [
        Shown("comments (public)", "anonymous", f"/comments/{page.pk}/"),
        *[
            Shown("moderation queue", "editor", f"/moderation/comments/?status=approved&page={p}")
            for p in range(1, n // ROWS_PER_PAGE + 2)
        ],
        Shown("Django admin comments", "admin", "/django-admin/discussion/comment/"),
        *api_pages(f"/api/v1/pages/{page.pk}/comments", n),
    ]


def write_clinics(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Clinics (with a practitioner and an offer each) whose staff is the clinic persona."""
    n = rows_for(values)
    k = next(world.counter)
    clinics = Clinic.objects.bulk_create(
        Clinic(
            name=nth(values["directory.Clinic.name"], i),
            slug=f"xss-{k}-{i}",
            description=nth(values["directory.Clinic.description"], i),
            address=nth(values["directory.Clinic.address"], i),
            town=nth(values["directory.Clinic.town"], i),
            postcode="M1 1AA",
            latitude=53.48,
            longitude=-2.24,
            accessibility=nth(values["directory.Clinic.accessibility"], i),
            is_verified=True,
            verified_at=timezone.now(),
        )
        for i in range(n)
    )
    Practitioner.objects.bulk_create(
        Practitioner(
            clinic=clinics[0],
            name=nth(values["directory.Practitioner.name"], i),
            profession=nth(values["directory.Practitioner.profession"], i),
            bio=nth(values["directory.Practitioner.bio"], i),
            # On an accredited register of the PSA, named as the clinic types it.
            register="psa",
            psa_register_name=nth(values["directory.Practitioner.psa_register_name"], i),
            registration_number=f"X{i:05d}",
        )
        for i in range(n)
    )
    Offer.objects.bulk_create(
        Offer(
            clinic=c,
            treatment=world.treatment,
            price_from_gbp=100,
            notes=nth(values["directory.Offer.notes"], i),
        )
        for i, c in enumerate(clinics)
    )
    from cosmediclist.directory.models import ClinicMembership, MembershipRole

    ClinicMembership.objects.bulk_create(
        ClinicMembership(user=world.users["clinic_staff"], clinic=c, role=MembershipRole.OWNER)
        for c in clinics
    )
    long_values = max(
        len(values[f]) for f in ("directory.Clinic.description", "directory.Clinic.accessibility")
    )
    details = [c.slug for c in clinics[:long_values]]
    return [
        *[
            Shown("clinic page (public)", "anonymous", f"/clinics/{slug}/", browser=i < BROWSER_DETAILS)
            for i, slug in enumerate(details)
        ],
        *[Shown("clinic (API)", "anonymous", f"/api/v1/clinics/{slug}", "json") for slug in details],
        Shown("clinic search (public)", "anonymous", f"/clinics/?treatment={world.treatment.slug}"),
        Shown("portal practitioners", "clinic_staff", f"/portal/clinics/{clinics[0].slug}/practitioners/"),
        Shown("portal offers", "clinic_staff", f"/portal/clinics/{clinics[0].slug}/offers/"),
        Shown("Django admin clinics", "admin", "/django-admin/directory/clinic/"),
        Shown("Django admin practitioners", "admin", "/django-admin/directory/practitioner/"),
    ]


def write_messages(world: World, values: dict[str, list[str]]) -> list[Shown]:
    n = rows_for(values)
    made = Message.objects.bulk_create(
        Message(
            kind="general",
            name=nth(values["feedback.Message.name"], i),
            body=nth(values["feedback.Message.body"], i),
        )
        for i in range(n)
    )
    return [
        Shown("CMS messages", "admin", "/cms/snippets/feedback/message/"),
        *[
            Shown(
                "CMS message",
                "admin",
                f"/cms/snippets/feedback/message/edit/{m.pk}/",
                browser=i < BROWSER_DETAILS,
            )
            for i, m in enumerate(made)
        ],
    ]


TREATMENT_TEXT = ("description", "evidence_note", "how_performed", "preparation", "followup", "also_known_as")


def write_treatments(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Treatments as editors type them in the CMS (catalogue snippets), published."""
    n = rows_for(values)
    k = next(world.counter)
    made = [
        TreatmentFactory.create(
            slug=f"xss-{k}-{i}",
            name=unique(values["catalog.Treatment.name"], i),
            summary=nth(values["catalog.Treatment.summary"], i),
            **{name: nth(values[f"catalog.Treatment.{name}"], i) for name in TREATMENT_TEXT},
        )
        for i in range(n)
    ]
    details = max(len(values[f"catalog.Treatment.{name}"]) for name in TREATMENT_TEXT)
    return [
        *[
            Shown(
                "treatment page (public)", "anonymous", f"/treatments/{t.slug}/", browser=i < BROWSER_DETAILS
            )
            for i, t in enumerate(made[:details])
        ],
        *[
            Shown("treatment (API)", "anonymous", f"/api/v1/treatments/{t.slug}", "json")
            for t in made[:details]
        ],
        Shown("treatments (public)", "anonymous", "/treatments/"),
        *api_pages("/api/v1/treatments", Treatment.objects.count()),
        Shown("CMS treatments", "admin", "/cms/snippets/catalog/treatment/"),
    ]


def write_requests(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Consultation requests to the clinic persona (through the service, as the form sends them), a
    note from its staff and its clinician's clinical review on each (the blood-thinner "yes" flags it
    for one): the portal inbox and request pages, and the emails they send."""
    from cosmediclist.consultations import services
    from cosmediclist.consultations.models import ConsultationRequest
    from cosmediclist.consultations.tests.factories import submit
    from cosmediclist.notifications.models import OutgoingEmail
    from cosmediclist.notifications.services import render_email

    n = rows_for(values)
    k = next(world.counter)
    first_email = (OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    references = []
    for i in range(n):
        made = submit(
            world.clinic,
            world.treatment,
            token=f"xss-{k}-{i}-0123456789abcdef",
            hopes=nth(values["consultations.ConsultationRequest.hopes"], i),
            contact_times=nth(values["consultations.ConsultationRequest.contact_times"], i),
            name=nth(values["consultations.ConsultationRequest.name"], i),
            email=f"xss{k}.{i}@example.org",
            answers=[
                services.Answer("pregnancy-breastfeeding", False),
                services.Answer(
                    "anticoagulants-bleeding-disorder",
                    True,
                    nth(values["consultations.IntakeAnswer.detail"], i),
                ),
                services.Answer("recent-vaccination-or-antibiotics", False),
            ],
        )
        # The form and the API take only digits, spaces, brackets, hyphens and a leading + for a
        # phone number (inputs.PHONE): the payloads go into the stored row, as a row written before
        # that rule or by another route could hold them; the portal must show any value as text.
        # (cut to the column's length: PostgreSQL refuses a longer value, as a row could not hold one)
        ConsultationRequest.objects.filter(pk=made.pk).update(
            phone=nth(values["consultations.ConsultationRequest.phone"], i)[:30]  # the column's max_length
        )
        services.add_note(
            actor=world.users["clinic_staff"],
            request=made,
            body=nth(values["consultations.RequestNote.body"], i),
        )
        services.record_review(
            actor=world.users["clinic_staff"],
            request=made,
            decision="cleared",
            note=nth(values["consultations.ClinicalReview.note"], i),
        )
        references.append(made.reference)
    emails = [
        Shown(f"email {email.template}", "", "", "email", body=str(render_email(email).alternatives[0][0]))
        for email in OutgoingEmail.objects.filter(pk__gte=first_email).order_by("pk")
    ]
    return [
        Shown("portal inbox", "clinic_staff", "/portal/inbox/?status=new"),
        *[
            Shown("portal request", "clinic_staff", f"/portal/inbox/{ref}/", browser=i < BROWSER_DETAILS)
            for i, ref in enumerate(references)
        ],
        *emails,
    ]


def write_reviews(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Published reviews of the clinic persona, each with the clinic's reply and a reader's report, and
    as many held reviews that an editor rejects (through the service) with a reason the author is
    emailed."""
    from cosmediclist.notifications.models import OutgoingEmail
    from cosmediclist.notifications.services import render_email
    from cosmediclist.reviews import services
    from cosmediclist.reviews.models import Review, ReviewReply, ReviewReport, ReviewStatus
    from cosmediclist.reviews.tests import bulk

    n = rows_for(values)
    k = next(world.counter)
    now = timezone.now()
    first_email = (OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    made = Review.objects.bulk_create(
        Review(
            request=r,
            clinic=world.clinic,
            treatment=world.treatment,
            treated_on=now.date(),
            rating=4,
            verdict="worth_it",
            title=nth(values["reviews.Review.title"], i),
            body=nth(values["reviews.Review.body"], i),
            display_name=nth(values["reviews.Review.display_name"], i),
            status=ReviewStatus.APPROVED,
            published_at=now,
            report_count=1,
        )
        for i, r in enumerate(bulk.requests(world.clinic, world.treatment, n, prefix=f"X{k}"))
    )
    ReviewReply.objects.bulk_create(
        ReviewReply(
            review=r, author=world.users["clinic_staff"], body=nth(values["reviews.ReviewReply.body"], i)
        )
        for i, r in enumerate(made)
    )
    ReviewReport.objects.bulk_create(
        ReviewReport(review=r, ip_hash=f"x{i}", reason=nth(values["reviews.ReviewReport.reason"], i))
        for i, r in enumerate(made)
    )
    held = Review.objects.bulk_create(
        Review(
            request=r,
            clinic=world.clinic,
            treatment=world.treatment,
            treated_on=now.date(),
            rating=2,
            verdict="not_worth_it",
            title=nth(values["reviews.Review.title"], i),
            body=nth(values["reviews.Review.body"], i),
            display_name=nth(values["reviews.Review.display_name"], i),
            status=ReviewStatus.PENDING,
        )
        for i, r in enumerate(bulk.requests(world.clinic, world.treatment, n, prefix=f"J{k}"))
    )
    for i, review in enumerate(held):
        services.reject_review(
            review=review,
            actor=world.users["editor"],
            reason=nth(values["reviews.Review.rejection_reason"], i),
        )
    emails = [
        Shown(f"email {email.template}", "", "", "email", body=str(render_email(email).alternatives[0][0]))
        for email in OutgoingEmail.objects.filter(pk__gte=first_email).order_by("pk")
    ]
    total = Review.objects.filter(clinic=world.clinic, status=ReviewStatus.APPROVED).count()
    return [
        Shown("clinic page with reviews (public)", "anonymous", f"/clinics/{world.clinic.slug}/"),
        Shown("reviews moderation (reported)", "editor", "/moderation/reviews/?status=reported"),
        Shown("reviews moderation (rejected)", "editor", "/moderation/reviews/?status=rejected"),
        *emails,
        Shown("portal reviews", "clinic_staff", "/portal/reviews/"),
        *api_pages(f"/api/v1/clinics/{world.clinic.slug}/reviews", total),
    ]


def write_side_effects(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Side-effect reports that patients of the clinic persona send from their request's page (through
    the service, as the form sends them): the portal page where the clinic's staff read each one."""
    from cosmediclist.reviews import services
    from cosmediclist.reviews.tests import bulk

    n = rows_for(values)
    k = next(world.counter)
    made = [
        services.report_side_effect(
            request=r,
            what=nth(values["reviews.SideEffectReport.what"], i),
            started_on=timezone.localdate(),
            severity="mild",
        )
        for i, r in enumerate(bulk.requests(world.clinic, world.treatment, n, prefix=f"S{k}"))
    ]
    return [
        Shown(
            "portal side-effect report",
            "clinic_staff",
            f"/portal/side-effects/{r.pk}/",
            browser=i < BROWSER_DETAILS,
        )
        for i, r in enumerate(made)
    ]


def write_ruled_out(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Screening questions whose "yes" usually rules a treatment out, with the explanation editors type
    in the CMS, asked for a treatment the clinic persona offers; a patient answers yes to every one
    (through the service, as the form sends it) and reads the explanations on the thanks page."""
    from cosmediclist.catalog.models import Contraindication
    from cosmediclist.consultations import services
    from cosmediclist.consultations.tests.factories import submit
    from cosmediclist.consultations.views import SESSION_KEY

    n = rows_for(values)
    k = next(world.counter)
    chosen = TreatmentFactory.create(slug=f"xss-r{k}", name=f"Ruled out {k}")
    Offer.objects.create(clinic=world.clinic, treatment=chosen, price_from_gbp=100)
    questions = Contraindication.objects.bulk_create(
        Contraindication(
            slug=f"xss-r{k}-{i}",
            question=f"Screening question {i}?",
            handling="do_not_treat",
            explanation=nth(values["catalog.Contraindication.explanation"], i),
        )
        for i in range(n)
    )
    for question in questions:
        question.treatments.add(chosen)
    made = submit(
        world.clinic,
        chosen,
        token=f"xss-r{k}-0123456789abcdef",
        email=f"xss.r{k}@example.org",
        answers=[services.Answer(q.slug, True) for q in questions],
    )
    # What the request form's view keeps in the patient's session before redirecting to the thanks page.
    patient = world.clients.setdefault("patient", Client())
    session = patient.session
    session[SESSION_KEY] = [made.reference]
    session.save()
    return [Shown("thanks page (patient)", "patient", "/consultations/thanks/")]


def write_guides_index(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """The guides index's introduction as an administrator types it in the CMS (a revision, published):
    one page, so the whole corpus in its one introduction."""
    from cosmediclist.editorial import services

    index = services.set_up_editorial()
    index.intro = SEPARATOR.join(values["editorial.ArticleIndexPage.intro"])
    index.save_revision(user=world.users["admin"]).publish(user=world.users["admin"])
    return [
        Shown("guides index with an introduction (public)", "anonymous", "/guides/"),
        Shown("CMS guides index", "editor", f"/cms/pages/{index.pk}/edit/"),
    ]


# Where a body payload goes, as an editor types it in the CMS (block kind, longest value it takes).
BODY_SLOTS = (
    ("heading", 120),
    ("paragraph", 20_000),
    ("list", 300),
    ("callout title", 120),
    ("callout text", 20_000),
    ("quote", 20_000),
    ("attribution", 160),
    ("reference title", 300),
    ("reference publisher", 200),
    ("image caption", 250),
    ("image credit", 120),
)


def rich_text(text: str, key: int) -> str:
    """What Draftail stores for a line an editor types: the text escaped in a paragraph."""
    return f'<p data-block-key="k{key}">{escape(text)}</p>'


def body_blocks(value: str, image: Any) -> list[dict[str, Any]]:
    """One block per payload, the payloads dealt round every kind of block that takes typed text (a
    payload too long for a block's limit goes into a paragraph); an image's alt is its caption's."""
    blocks: list[dict[str, Any]] = []
    for n, text in enumerate(value.split(SEPARATOR)):
        slot, limit = BODY_SLOTS[n % len(BODY_SLOTS)]
        if len(text) > limit:
            slot = "paragraph"
        if slot == "heading":
            blocks.append({"type": "heading", "value": text})
        elif slot == "paragraph":
            blocks.append({"type": "paragraph", "value": rich_text(text, n)})
        elif slot == "list":
            blocks.append({"type": "list", "value": [text]})
        elif slot == "callout title":
            blocks.append(
                {"type": "callout", "value": {"kind": "note", "title": text, "text": rich_text("", n)}}
            )
        elif slot == "callout text":
            blocks.append(
                {"type": "callout", "value": {"kind": "risks", "title": "Risks", "text": rich_text(text, n)}}
            )
        elif slot == "quote":
            blocks.append({"type": "quote", "value": {"text": text, "attribution": ""}})
        elif slot == "attribution":
            blocks.append({"type": "quote", "value": {"text": "Ask.", "attribution": text}})
        elif slot == "reference title":
            blocks.append({"type": "references", "value": [{"title": text, "publisher": "J", "url": ""}]})
        elif slot == "reference publisher":
            blocks.append({"type": "references", "value": [{"title": "T", "publisher": text, "url": ""}]})
        elif slot == "image caption":
            value_ = {"image": image.pk, "alt": text, "caption": text, "credit": ""}
            blocks.append({"type": "image", "value": value_})
        else:
            value_ = {"image": image.pk, "alt": "A shape", "caption": "", "credit": text}
            blocks.append({"type": "image", "value": value_})
    return blocks


def one_line(value: str) -> str:
    """What a text input sends: browsers take line breaks out of its value (the payloads stay)."""
    return value.replace("\r", " ").replace("\n", " ")


GUIDE_FIELDS = ("standfirst", "summary", "hero_alt", "hero_caption", "hero_credit", "disclosure")


def write_guides(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """Treatment guides as editors write them in the CMS (page fields and every kind of body block),
    by authors and reviewers typed into the snippets, approved through the Medical review workflow."""
    from cosmediclist.editorial import services
    from cosmediclist.editorial.models import GuideReview
    from cosmediclist.editorial.tests import factories

    index = services.set_up_editorial()
    n = rows_for(values)
    k = next(world.counter)
    picture = factories.image()
    made = []
    for i in range(n):
        author = services.save_author(
            slug=f"xss-{k}-{i}",
            name=nth(values["editorial.Author.name"], i),
            bio=nth(values["editorial.Author.bio"], i),
        )
        signer = services.save_reviewer(
            slug=f"xss-{k}-{i}",
            name=nth(values["editorial.Reviewer.name"], i),
            credentials=nth(values["editorial.Reviewer.credentials"], i),
            profession=nth(values["editorial.Reviewer.profession"], i),
            bio=nth(values["editorial.Reviewer.bio"], i),
            register="gmc",
            register_number=f"7{k:02d}{i:04d}",
            user=factories.reviewer_account(),
        )
        page_fields: dict[str, Any] = {
            name: nth(values[f"editorial.ArticlePage.{name}"], i) for name in GUIDE_FIELDS
        }
        page = factories.article(
            index,
            slug=f"xss-{k}-{i}",
            title=one_line(nth(values["wagtailcore.Page.title"], i)),
            seo_title=one_line(nth(values["wagtailcore.Page.seo_title"], i)),
            search_description=nth(values["wagtailcore.Page.search_description"], i),
            guide_for=world.treatment,
            reviewed_by=signer,
            author=author,
            hero=picture,
            body=body_blocks(nth(values["editorial.ArticlePage.body"], i), picture),
            **page_fields,
        )
        # Made by the code from the revisions; a stored value is what the guide page shows.
        GuideReview.objects.filter(page=page).update(changes=nth(values["editorial.GuideReview.changes"], i))
        made.append(page)
    return [
        *[Shown("guide page (public)", "anonymous", p.url, browser=i < 3) for i, p in enumerate(made)],
        *[Shown("guide (API)", "anonymous", f"/api/v1/guides/{p.slug}", "json") for p in made],
        Shown("guides index (public)", "anonymous", "/guides/"),
        Shown("home page (public)", "anonymous", "/"),
        Shown("guides RSS", "anonymous", "/feeds/guides/rss/", browser=False),
        Shown("guides Atom", "anonymous", "/feeds/guides/atom/", browser=False),
        *api_pages("/api/v1/guides", len(made) + 40),
        Shown("CMS guides", "editor", f"/cms/pages/{index.pk}/"),
        Shown("CMS authors", "editor", "/cms/snippets/editorial/author/"),
        Shown("CMS reviewers", "admin", "/cms/snippets/editorial/reviewer/"),
    ]


def write_catalogue(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """The rest of the catalogue as editors type it in the CMS snippets: a concern, a body area, and a
    treatment with a side effect, an aftercare step, a reference and a screening question each."""
    from cosmediclist.catalog.models import (
        AftercareStep,
        BodyArea,
        Concern,
        Contraindication,
        Reference,
        SideEffect,
        TreatmentConcern,
    )

    n = rows_for(values)
    k = next(world.counter)
    concerns = Concern.objects.bulk_create(
        Concern(
            slug=f"xss-{k}-{i}",
            name=unique(values["catalog.Concern.name"], i)[:80],
            summary=nth(values["catalog.Concern.summary"], i),
            description=nth(values["catalog.Concern.description"], i),
            also_known_as=nth(values["catalog.Concern.also_known_as"], i),
        )
        for i in range(n)
    )
    areas = BodyArea.objects.bulk_create(
        BodyArea(
            slug=f"xss-{k}-{i}",
            name=unique(values["catalog.BodyArea.name"], i)[:80],
            summary=nth(values["catalog.BodyArea.summary"], i),
        )
        for i in range(n)
    )
    made = [TreatmentFactory.create(slug=f"xss-c{k}-{i}", name=f"Catalogue {k} {i}") for i in range(n)]
    for i, t in enumerate(made):
        t.areas.add(areas[i])
    TreatmentConcern.objects.bulk_create(
        TreatmentConcern(
            treatment=t,
            concern=concerns[i],
            how_it_helps=nth(values["catalog.TreatmentConcern.how_it_helps"], i),
        )
        for i, t in enumerate(made)
    )
    SideEffect.objects.bulk_create(
        SideEffect(
            treatment=t,
            name=nth(values["catalog.SideEffect.name"], i),
            frequency="common",
            note=nth(values["catalog.SideEffect.note"], i),
        )
        for i, t in enumerate(made)
    )
    AftercareStep.objects.bulk_create(
        AftercareStep(
            treatment=t,
            after_hours=24,
            timing_label=nth(values["catalog.AftercareStep.timing_label"], i),
            instruction=nth(values["catalog.AftercareStep.instruction"], i),
        )
        for i, t in enumerate(made)
    )
    Reference.objects.bulk_create(
        Reference(
            treatment=t,
            title=nth(values["catalog.Reference.title"], i),
            publisher=nth(values["catalog.Reference.publisher"], i),
            year=2020,
        )
        for i, t in enumerate(made)
    )
    questions = Contraindication.objects.bulk_create(
        Contraindication(
            slug=f"xss-{k}-{i}",
            question=nth(values["catalog.Contraindication.question"], i),
            help_text=nth(values["catalog.Contraindication.help_text"], i),
            handling="clinician_review",
        )
        for i in range(n)
    )
    for i, t in enumerate(made):
        questions[i].treatments.add(t)
    return [
        *[
            Shown("catalogue treatment (public)", "anonymous", f"/treatments/{t.slug}/", browser=i < 1)
            for i, t in enumerate(made)
        ],
        *[
            Shown("request form (public)", "anonymous", f"/treatments/{t.slug}/consultation/", browser=i < 1)
            for i, t in enumerate(made)
        ],
        *[
            Shown("concern page (public)", "anonymous", f"/concerns/{c.slug}/", browser=i < 1)
            for i, c in enumerate(concerns)
        ],
        *[
            Shown("area page (public)", "anonymous", f"/areas/{a.slug}/", browser=i < 1)
            for i, a in enumerate(areas)
        ],
        Shown("concerns (public)", "anonymous", "/concerns/"),
        Shown("areas (public)", "anonymous", "/areas/"),
        Shown("CMS concerns", "editor", "/cms/snippets/catalog/concern/"),
        Shown("CMS areas", "editor", "/cms/snippets/catalog/bodyarea/"),
        Shown("CMS screening questions", "editor", "/cms/snippets/catalog/contraindication/"),
    ]


def write_outcomes(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """What the clinic and the patient type after a request: a booking's place (and its calendar
    file), the patient's ask to change it, and a decline's reason (through the services, as the
    portal's and the status page's forms send them)."""
    from cosmediclist.consultations import services, tokens
    from cosmediclist.consultations.models import Status
    from cosmediclist.consultations.tests.factories import submit
    from cosmediclist.notifications.models import OutgoingEmail
    from cosmediclist.notifications.services import render_email

    n = rows_for(values)
    k = next(world.counter)
    first_email = (OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    staff = world.users["clinic_staff"]
    references = []
    for i in range(n):
        booked, declined = (
            submit(
                world.clinic,
                world.treatment,
                token=f"xss-o{k}-{i}-{outcome}-0123456789abcdef",
                email=f"xss.o{k}.{i}.{outcome}@example.org",
                answers=[
                    services.Answer("pregnancy-breastfeeding", False),
                    services.Answer("anticoagulants-bleeding-disorder", False),
                    services.Answer("recent-vaccination-or-antibiotics", False),
                ],
            )
            for outcome in ("b", "d")
        )
        services.move_request(
            actor=staff,
            request=booked,
            to_status=Status.BOOKED,
            appointment_at=timezone.now() + timedelta(days=7),
            appointment_place=nth(values["consultations.ConsultationRequest.appointment_place"], i),
        )
        services.ask_to_change(
            request=booked, kind="rearrange", message=nth(values["consultations.ChangeRequest.message"], i)
        )
        services.move_request(
            actor=staff,
            request=declined,
            to_status=Status.DECLINED,
            reason=nth(values["consultations.ConsultationRequest.decline_reason"], i),
        )
        references += [booked.reference, declined.reference]
    shown: list[Shown] = []
    for email in OutgoingEmail.objects.filter(pk__gte=first_email).order_by("pk"):
        message = render_email(email)
        shown.append(Shown(f"email {email.template}", "", "", "email", body=str(message.alternatives[0][0])))
        for filename, content, mimetype in message.attachments:
            shown.append(
                Shown(f"email attachment {filename}", "", "", "ics", body=content, content_type=mimetype)
            )
    pages = []
    for outcome, refs in (("booked", references[::2]), ("declined", references[1::2])):
        for i, ref in enumerate(refs):
            browser = i < 1
            token = tokens.status_token(ref)
            pages += [
                Shown(f"portal {outcome} request", "clinic_staff", f"/portal/inbox/{ref}/", browser=browser),
                Shown(
                    f"{outcome} status page (patient)",
                    "anonymous",
                    f"/consultations/{ref}/?t={token}",
                    browser=browser,
                ),
            ]
    return [
        *pages,
        *shown,
    ]


def write_clinic_admin(world: World, values: dict[str, list[str]]) -> list[Shown]:
    """What a clinic's owner and the site's admins type about a clinic of the clinic persona's own:
    its team's names, its API keys' names, its photos' alt text, and clinic groups' names."""
    from django.core.files.images import ImageFile

    from cosmediclist.api import keys
    from cosmediclist.directory.models import ClinicGroup, ClinicMembership, ClinicPhoto, MembershipRole
    from cosmediclist.directory.tests.factories import ClinicFactory
    from cosmediclist.editorial.illustrations import hero_jpeg

    n = rows_for(values)
    k = next(world.counter)
    owner = world.users["clinic_staff"]
    place = ClinicFactory.create(slug=f"xss-admin-{k}", is_verified=True, verified_at=timezone.now())
    ClinicMembership.objects.create(user=owner, clinic=place, role=MembershipRole.OWNER)
    team = User.objects.bulk_create(
        User(
            email=f"xss.team{k}.{i}@example.org",
            first_name=nth(values["accounts.User.first_name"], i),
            last_name=nth(values["accounts.User.last_name"], i),
            password="!",  # unusable: no sign-in
        )
        for i in range(n)
    )
    ClinicMembership.objects.bulk_create(
        ClinicMembership(user=u, clinic=place, role=MembershipRole.STAFF) for u in team
    )
    for i in range(n):
        keys.create_key(actor=owner, clinic=place, name=nth(values["api.ApiKey.name"], i), scopes=["read"])
    first = ClinicPhoto(
        clinic=place,
        alt_text=nth(values["directory.ClinicPhoto.alt_text"], 0),
        image=ImageFile(io.BytesIO(hero_jpeg("#7FA7C9", seed=str(k))), name=f"xss-{k}.jpg"),
    )
    first.save()
    ClinicPhoto.objects.bulk_create(
        ClinicPhoto(
            clinic=place,
            image=first.image.name,
            width=first.width,
            height=first.height,
            alt_text=nth(values["directory.ClinicPhoto.alt_text"], i),
            sort_order=i,
        )
        for i in range(1, n)
    )
    ClinicGroup.objects.bulk_create(
        ClinicGroup(name=unique(values["directory.ClinicGroup.name"], i), slug=f"xss-{k}-{i}")
        for i in range(n)
    )
    return [
        Shown("portal team", "clinic_staff", f"/portal/clinics/{place.slug}/team/"),
        Shown("portal API keys", "clinic_staff", f"/portal/clinics/{place.slug}/api-keys/"),
        Shown("portal photos", "clinic_staff", f"/portal/clinics/{place.slug}/photos/"),
        Shown("clinic page with photos (public)", "anonymous", f"/clinics/{place.slug}/"),
        Shown("Django admin users", "admin", "/django-admin/accounts/user/"),
        Shown("Django admin clinic groups", "admin", "/django-admin/directory/clinicgroup/"),
    ]


SURFACES = [
    Surface("comments", ("discussion.Comment.name", "discussion.Comment.body"), write_comments),
    Surface(
        "clinics",
        (
            "directory.Clinic.name",
            "directory.Clinic.description",
            "directory.Clinic.address",
            "directory.Clinic.town",
            "directory.Clinic.accessibility",
            "directory.Practitioner.name",
            "directory.Practitioner.profession",
            "directory.Practitioner.bio",
            "directory.Practitioner.psa_register_name",
            "directory.Offer.notes",
        ),
        write_clinics,
    ),
    Surface(
        "treatments",
        (
            "catalog.Treatment.name",
            "catalog.Treatment.summary",
            *(f"catalog.Treatment.{n}" for n in TREATMENT_TEXT),
        ),
        write_treatments,
        not_shown=("catalog.Treatment.also_known_as",),
    ),
    # Before the requests: the portal inbox lists the open reports (its baseline with them).
    Surface(
        "side-effect reports",
        ("reviews.SideEffectReport.what",),
        write_side_effects,
        limits={"reviews.SideEffectReport.what": 3000},  # services.outcomes.report_side_effect
    ),
    Surface(
        "consultation requests",
        (
            "consultations.ConsultationRequest.hopes",
            "consultations.ConsultationRequest.contact_times",
            "consultations.ConsultationRequest.name",
            "consultations.ConsultationRequest.phone",
            "consultations.IntakeAnswer.detail",
            "consultations.RequestNote.body",
            "consultations.ClinicalReview.note",
        ),
        write_requests,
    ),
    Surface(
        "reviews",
        (
            "reviews.Review.title",
            "reviews.Review.body",
            "reviews.Review.display_name",
            "reviews.Review.rejection_reason",
            "reviews.ReviewReply.body",
            "reviews.ReviewReport.reason",
        ),
        write_reviews,
    ),
    Surface("contact messages", ("feedback.Message.name", "feedback.Message.body"), write_messages),
    Surface(
        "guides",
        (
            "wagtailcore.Page.title",
            "wagtailcore.Page.seo_title",
            "wagtailcore.Page.search_description",
            *(f"editorial.ArticlePage.{name}" for name in GUIDE_FIELDS),
            "editorial.ArticlePage.body",
            "editorial.GuideReview.changes",
            "editorial.Author.name",
            "editorial.Author.bio",
            "editorial.Reviewer.name",
            "editorial.Reviewer.credentials",
            "editorial.Reviewer.profession",
            "editorial.Reviewer.bio",
        ),
        write_guides,
        # The hero's alt text is an attribute (img alt, og:image:alt); the search description the
        # meta description's content.
        not_shown=("editorial.ArticlePage.hero_alt", "wagtailcore.Page.search_description"),
        split=("editorial.ArticlePage.body",),
        # Few guides (each goes through the workflow), the whole corpus in their bodies.
        rows=6,
        limits={"editorial.ArticlePage.body": 45_000},
    ),
    Surface(
        "catalogue",
        (
            "catalog.Concern.name",
            "catalog.Concern.summary",
            "catalog.Concern.description",
            "catalog.Concern.also_known_as",
            "catalog.BodyArea.name",
            "catalog.BodyArea.summary",
            "catalog.TreatmentConcern.how_it_helps",
            "catalog.SideEffect.name",
            "catalog.SideEffect.note",
            "catalog.AftercareStep.timing_label",
            "catalog.AftercareStep.instruction",
            "catalog.Reference.title",
            "catalog.Reference.publisher",
            "catalog.Contraindication.question",
            "catalog.Contraindication.help_text",
        ),
        write_catalogue,
        not_shown=("catalog.Concern.also_known_as",),  # search synonyms, like the treatments'
    ),
    Surface(
        "consultation outcomes",
        (
            "consultations.ConsultationRequest.appointment_place",
            "consultations.ConsultationRequest.decline_reason",
            "consultations.ChangeRequest.message",
        ),
        write_outcomes,
        rows=5,
        limits={"consultations.ChangeRequest.message": 1000},  # services.moves.MESSAGE_MAX
    ),
    Surface("screening explanations", ("catalog.Contraindication.explanation",), write_ruled_out),
    Surface(
        "guides index",
        ("editorial.ArticleIndexPage.intro",),
        write_guides_index,
        rows=1,
        limits={"editorial.ArticleIndexPage.intro": 1_000_000},
    ),
    Surface(
        "clinic administration",
        (
            "accounts.User.first_name",
            "accounts.User.last_name",
            "api.ApiKey.name",
            "directory.ClinicPhoto.alt_text",
            "directory.ClinicGroup.name",
        ),
        write_clinic_admin,
        rows=15,
    ),
]
ROWS_PER_PAGE = 500
PLAIN = "Plain text, see https://example.org/a?b=c\nwith a second line"
# Objects per surface: a field that needs more to hold the whole corpus gets an even spread of it.
ROWS = 30
# Detail pages of one object each are all read by the test client, the first few by chromium too.
BROWSER_DETAILS = 5


# ---------------------------------------------------------------- the registry


def unexplained(fields: dict[str, Any], covered: set[str]) -> list[str]:
    return sorted(
        name
        for name, f in fields.items()
        if name not in covered
        and name not in EXCLUDED
        and name not in NOT_YET_COVERED
        and not excluded_by_rule(f)
    )


def test_every_text_field_is_written_or_excluded_with_a_reason() -> None:
    """A new text field fails here until a surface writes it or EXCLUDED says why no person types it."""
    from django.db import models

    covered = {f for s in SURFACES for f in s.fields}
    fields = text_fields()
    unknown = sorted(set(covered | set(EXCLUDED) | set(NOT_YET_COVERED)) - set(fields))
    assert unknown == [], f"no such fields (renamed?): {unknown}"
    assert unexplained(fields, covered) == [], "text fields no surface writes and no exclusion explains"
    assert covered & set(EXCLUDED) == set()
    assert covered & set(NOT_YET_COVERED) == set()
    # The check sees a field added tomorrow (free text), and lets a list of choices through.
    tomorrow = {
        "reviews.Review.mood": models.CharField(name="mood", max_length=40),
        "reviews.Review.colour": models.CharField(name="colour", max_length=10, choices=[("red", "Red")]),
    }
    assert unexplained({**fields, **tomorrow}, covered) == ["reviews.Review.mood"]


# ---------------------------------------------------------------- the run


@pytest.fixture
def world(
    reader: User, clinic_staff: User, editor: User, admin: User, clinic: Clinic, treatment: Treatment
) -> World:
    from cosmediclist.directory import services as directory_services

    users = {"reader": reader, "clinic_staff": clinic_staff, "editor": editor, "admin": admin}
    area(), concern()  # made by the first request otherwise, and then new options in CMS filters
    # The clinic's staff member is its doctor too (a clinician: may record a flagged request's review).
    doctor = clinic.practitioners.get()
    directory_services.link_practitioner(actor=admin, practitioner=doctor, user=clinic_staff)
    made = World(users=users, clinic=clinic, treatment=treatment)
    made.clients = {"anonymous": Client(), **{role: client_for(u) for role, u in users.items()}}
    return made


@pytest.fixture
def big_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listings show every stored object on a page or a few (their page sizes raised for the test)."""
    from cosmediclist.consultations import portal_views
    from cosmediclist.directory import finder
    from cosmediclist.discussion import moderation_views

    monkeypatch.setattr(portal_views, "PAGE_SIZE", 10_000)
    from cosmediclist.reviews import moderation_views as review_moderation
    from cosmediclist.reviews import portal_views as review_portal
    from cosmediclist.reviews import selectors as review_selectors

    for module in (review_moderation, review_portal, review_selectors):
        monkeypatch.setattr(module, "PER_PAGE", 10_000)
    monkeypatch.setattr(moderation_views, "PER_PAGE", ROWS_PER_PAGE)
    monkeypatch.setattr(moderation_views, "MAX_PER_PAGE", ROWS_PER_PAGE)
    monkeypatch.setattr(finder.find, "__kwdefaults__", {"page": 1, "per_page": 10_000})
    from cosmediclist.editorial import models as editorial_models

    monkeypatch.setattr(editorial_models, "ARTICLES_PER_PAGE", 10_000)
    for model_admin in django_admin.site._registry.values():
        monkeypatch.setattr(model_admin, "list_per_page", 10_000)
    rules = ModerationSettings.load()
    rules.threads_per_page = 10_000
    rules.save()


@pytest.fixture
def quiet_wagtail() -> Iterator[None]:
    """Wagtail logs each page's (public) title at INFO; the other surfaces store the same payloads in
    personal fields, which tests/log_guard.py would then find in the log."""
    wagtail = logging.getLogger("wagtail")
    level = wagtail.level
    wagtail.setLevel(logging.WARNING)
    yield
    wagtail.setLevel(level)


def fetch(world: World, shown: Shown) -> Any:
    if shown.kind in {"email", "ics"} and not shown.url:
        return HttpResponse(shown.body, content_type=shown.content_type)
    response = world.clients[shown.role].get(shown.url)
    assert response.status_code == 200, f"{shown.label} {shown.url}: {response.status_code}"
    return response


def stored(surface: Surface, corpus: list[str]) -> dict[str, list[str]]:
    fields = text_fields()
    rows = surface.rows or ROWS
    return {
        name: pack(
            corpus,
            surface.limits.get(name) or getattr(fields[name], "max_length", None),
            rows=rows,
            limit=max(surface.limits.get(name, 0), 20_000),
        )
        for name in surface.fields
    }


@dataclass
class Run:
    pages: list[tuple[Surface, Shown, list[str]]] = field(default_factory=list)
    baselines: dict[str, Elements] = field(default_factory=dict)
    values: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    payloads: int = 0
    placed: int = 0
    write_seconds: float = 0.0
    fields: int = 0


@pytest.fixture
def run(world: World, big_pages: None, quiet_wagtail: None) -> Run:
    started = time.monotonic()
    corpus = payloads()
    done = Run(payloads=len(corpus))
    for surface in SURFACES:
        # The same pages holding plain text (more objects: listings paginate alike) show what
        # markup the templates make themselves.
        plain = {
            name: [SEPARATOR.join([PLAIN] * (2 * len(BODY_SLOTS) if name in surface.split else 1))]
            * (2 * (surface.rows or ROWS))
            for name in surface.fields
        }
        for shown in surface.write(world, plain):
            if shown.kind in {"html", "email"} and shown.label not in done.baselines:
                done.baselines[shown.label] = elements(fetch(world, shown).content.decode())
        values = stored(surface, corpus)
        every = sorted({v for vs in values.values() for v in vs})
        done.values[surface.name] = values
        done.placed += sum(placed(v) for v in values.values())
        for shown in surface.write(world, values):
            done.pages.append((surface, shown, every))
        done.fields += len(surface.fields)
    done.write_seconds = time.monotonic() - started
    return done


@pytest.mark.django_db(transaction=True)
@pytest.mark.browser
def test_stored_payloads_render_as_text_and_run_nothing(
    world: World, run: Run, browser: Browser, live_server: Any
) -> None:
    started = time.monotonic()
    found = Findings()
    texts: dict[str, list[str]] = {}
    for surface, shown, _every in run.pages:
        response = fetch(world, shown)
        where = f"{surface.name}: {shown.label} {shown.url}"
        if shown.kind == "json":
            text = check_json(where, response, found)
        elif shown.kind == "ics":
            text = check_ics(where, response, found)
        else:
            text = check_html(where, response.content.decode(), run.baselines[shown.label], found)
        texts.setdefault(surface.name, []).append(text)
        found.pages += 1
    for surface in SURFACES:
        shown_text = "".join(texts[surface.name])
        for name, stored_values in run.values[surface.name].items():
            if name in surface.not_shown:
                continue
            if name in surface.split:
                stored_values = [p for v in stored_values for p in v.split(SEPARATOR)]
            missing = [v for v in stored_values if squeeze(v) not in shown_text]
            if missing:
                found.add(
                    f"{surface.name}: {name}",
                    f"{len(missing)} of {len(stored_values)} values not shown as text anywhere, e.g. {missing[0][:100]!r}",
                )
    server_seconds = time.monotonic() - started
    started = time.monotonic()
    loads = browse(world, run, browser, live_server.url, found)
    browser_seconds = time.monotonic() - started
    figures.record(
        "Stored XSS",
        fields_covered=run.fields,
        fields_not_yet_covered=len(NOT_YET_COVERED),
        corpus_payloads=run.payloads,
        payloads_tried=run.placed,
        pages_rendered=found.pages,
        browser_page_loads=loads,
        calendar_files=len([p for _, p, _ in run.pages if p.kind == "ics"]),
        executed=len([p for p in found.problems if "executed" in p]),
        write_seconds=round(run.write_seconds, 1),
        server_pass_seconds=round(server_seconds, 1),
        browser_pass_seconds=round(browser_seconds, 1),
    )
    assert found.problems == [], "\n".join(found.problems)
    assert any(shown.kind == "ics" for _, shown, _ in run.pages), "no calendar file was checked"


DOM_CHECK = """() => {
  const handlers = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) handlers.push(element.tagName + ' ' + attribute.name);
    }
  }
  return {calls: window.__xss, handlers: handlers.slice(0, 10)};
}"""


def browse(world: World, run: Run, browser: Browser, base: str, found: Findings) -> int:
    loads = 0
    html_pages = [(s, shown) for s, shown, _ in run.pages if shown.kind == "html" and shown.browser]
    emails: dict[str, list[tuple[Surface, Shown]]] = {}
    for s, shown, _ in run.pages:
        if shown.kind == "email":
            emails.setdefault(shown.label, []).append((s, shown))
    email_pages = [page for pages in emails.values() for page in pages[:BROWSER_DETAILS]]
    for bypass in (False, True):
        for role in sorted({shown.role for _, shown in html_pages} | {"email"}):
            context = browser.new_context(bypass_csp=bypass)
            if role not in {"anonymous", "email"}:
                cookie = world.clients[role].cookies["sessionid"].value
                context.add_cookies([{"name": "sessionid", "value": cookie, "url": base}])
            tab, dialogs = trapped_tab(context)
            for surface, shown in html_pages + email_pages:
                if shown.kind == "email" and role == "email":
                    tab.set_content(shown.body, wait_until="load")  # as a mail client shows it: no CSP
                elif shown.role == role and shown.kind == "html":
                    tab.goto(base + shown.url, wait_until="load")
                else:
                    continue
                result = tab.evaluate(DOM_CHECK)
                loads += 1
                where = f"{surface.name}: {shown.label} {shown.url} (CSP {'bypassed' if bypass else 'on'})"
                if result["calls"] or dialogs:
                    found.add(where, f"executed: {result['calls']} calls, dialogs {dialogs[:3]}")
                if result["handlers"]:
                    found.add(where, f"event handlers in the DOM: {result['handlers']}")
            context.close()
    return loads
