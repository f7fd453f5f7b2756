"""Every form that fails shows an error summary at the top, each error a link to its field."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic
from cosmediclist.editorial.models import ArticlePage
from tests.personas import client_for

SUMMARY = re.compile(
    r'<div class="error-summary" role="alert" tabindex="-1" data-error-summary>(.*?)</div>', re.S
)
HREF = re.compile(r'<a href="#([^"]+)"')


def assert_summary_links_to_fields(page: str) -> list[str]:
    """The page has one summary, before the fields it links to, and every link has a target."""
    found = SUMMARY.search(page)
    assert found, "no error summary"
    targets = HREF.findall(found.group(1))
    assert targets, "the summary links to no field"
    for target in targets:
        position = page.find(f'id="{target}"')
        assert position > found.end(), f"#{target} is missing or above the summary"
    return targets


@pytest.fixture
def demo(db: None) -> None:
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())


def test_public_account_and_portal_forms_summarise_their_errors_and_keep_what_was_typed(demo: None) -> None:
    reader = Client()
    wellcare = Clinic.objects.get(name="Wellcare Medical Centre")
    request_form = f"/clinics/{wellcare.slug}/consultation/?treatment=mesotherapy"
    mesotherapy = Treatment.objects.get(slug="mesotherapy")
    typed = {"name": "Rosa Typed", "hopes": "Kept words", "treatments": [mesotherapy.pk]}
    page = reader.post(request_form, typed)
    assert page.status_code == 400
    targets = assert_summary_links_to_fields(page.content.decode())
    assert {"id_clinics_0", "id_concern_1", "id_email"} <= set(targets)
    assert any(t.startswith("id_q_") and t.endswith("_0") for t in targets)
    assert 'value="Rosa Typed"' in page.content.decode() and "Kept words" in page.content.decode()

    signup = reader.post("/account/sign-up/", {"email": "not-an-address"})
    assert signup.status_code == 400
    assert "id_email" in assert_summary_links_to_fields(signup.content.decode())
    assert 'value="not-an-address"' in signup.content.decode()

    article = ArticlePage.objects.live().first()
    assert article is not None
    comment = reader.post(f"/comments/{article.pk}/post/", {"name": "Typed Name", "email": "x"})
    assert comment.status_code == 400
    assert "id_body" in assert_summary_links_to_fields(comment.content.decode())
    assert 'value="Typed Name"' in comment.content.decode()

    compare = reader.get("/compare/", {"t": "mesotherapy"})
    assert_summary_links_to_fields(compare.content.decode())

    staff = client_for(User.objects.get(email=accounts_demo.CLINIC_STAFF.email))
    profile = staff.post(f"/portal/clinics/{wellcare.slug}/", {"name": "", "town": "Typed Town"})
    assert profile.status_code == 400
    assert "id_name" in assert_summary_links_to_fields(profile.content.decode())
    assert 'value="Typed Town"' in profile.content.decode()
