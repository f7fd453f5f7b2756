"""Consent is explicit: no box that sends, shares or concerns health data is ticked when a form loads."""

from __future__ import annotations

from collections import deque
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic
from tests.forms import checkboxes, pre_ticked_consent
from tests.personas import client_for
from tests.site import crawl, parse


def _crawl_under(client: Client, start: str, prefix: str, limit: int = 150) -> dict[str, str]:
    """Every HTML page under ``prefix`` reachable from ``start`` for a signed-in client."""
    seen: dict[str, str] = {}
    queue: deque[str] = deque([start])
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.content.decode() if response.status_code == 200 else ""
        for href in parse(seen[path]).links:
            parts = urlsplit(urldefrag(href)[0])
            if not parts.scheme and parts.path.startswith(prefix) and parts.path not in seen:
                queue.append(parts.path)
    return seen


@pytest.fixture
def every_form_page(db: None) -> dict[str, str]:
    """The public pages, every consultation form (also pre-selected), accounts, portal and moderation."""
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    pages = crawl(Client())
    anonymous = Client()
    for clinic in Clinic.objects.verified():
        path = f"/clinics/{clinic.slug}/consultation/"
        for treatment in Treatment.objects.published().filter(offers__clinic=clinic)[:2]:
            pages[f"{path}?treatment={treatment.slug}"] = anonymous.get(
                path, {"treatment": treatment.slug}
            ).content.decode()
    for treatment in Treatment.objects.published().filter(offers__isnull=False).distinct():
        path = f"/treatments/{treatment.slug}/consultation/"
        first = Clinic.objects.verified().offering(treatment).first()
        if first is not None:
            pages[f"{path}?clinic={first.slug}"] = anonymous.get(
                path, {"clinic": first.slug}
            ).content.decode()
    for path in ("/account/sign-in/", "/account/sign-up/", "/account/password-reset/"):
        pages[path] = anonymous.get(path).content.decode()
    staff = client_for(User.objects.get(email=accounts_demo.CLINIC_STAFF.email))
    pages.update(_crawl_under(staff, "/portal/", "/portal/"))
    patient = client_for(User.objects.get(email=accounts_demo.PATIENT.email))
    pages.update(
        {f"patient:{p}": html for p, html in _crawl_under(patient, "/account/", "/account/").items()}
    )
    editor = client_for(User.objects.get(email=accounts_demo.EDITOR.email))
    pages.update(_crawl_under(editor, "/moderation/comments/", "/moderation/"))
    return pages


def test_no_consent_sharing_or_health_box_is_ticked_when_any_form_loads(
    every_form_page: dict[str, str],
) -> None:
    with_boxes = {p: html for p, html in every_form_page.items() if checkboxes(html)}
    # The scan must reach the forms that matter: the request forms (clinic boxes) and the comment form.
    assert any("/consultation/" in p for p in with_boxes)
    assert any('name="notify_replies"' in html for html in with_boxes.values())
    assert any(p.startswith("/portal/") for p in every_form_page)
    ticked = {p: pre_ticked_consent(html) for p, html in with_boxes.items()}
    assert {p: boxes for p, boxes in ticked.items() if boxes} == {}


def test_the_consent_names_each_clinic_and_what_it_will_see(db: None) -> None:
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    treatment = Treatment.objects.published().filter(offers__isnull=False).distinct().first()
    assert treatment is not None
    html = Client().get(f"/treatments/{treatment.slug}/consultation/").content.decode()
    labels = {b.value: b.label for b in checkboxes(html) if b.name == "clinics"}
    offering = {clinic.pk for clinic in Clinic.objects.verified().offering(treatment)}
    # Without a town the form offers the ten best-rated clinics offering the treatment.
    assert len(labels) == min(10, len(offering)) >= 1
    for clinic in Clinic.objects.filter(pk__in=[int(pk) for pk in labels]):
        assert clinic.pk in offering
        label = labels[str(clinic.pk)]
        assert clinic.name in label
        for seen in (
            "your name and contact details",
            "what you hope for",
            "your answers to the health questions",
        ):
            assert seen in label
