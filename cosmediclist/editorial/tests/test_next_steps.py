"""Guides and their treatment lead to each other and to clinics: the rail, the next steps, the concern page."""

from __future__ import annotations

from django.test import Client

from cosmediclist.catalog.models import Concern, TreatmentConcern
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.editorial.tests.factories import article


def test_a_guide_and_its_treatment_link_to_each_other_and_to_clinics(client: Client, guides) -> None:
    meso = mesotherapy()
    guide = article(guides, slug="meso-guide", title="Mesotherapy explained", guide_for=meso)
    html = client.get(guide.url).content.decode()
    rail = html[html.index('class="article__rail"') : html.index('class="article__body"')]
    assert 'action="/treatments/mesotherapy/consultation/"' in rail  # Ask a clinic: the treatment and a town
    assert 'name="near"' in rail and "Ask up to 3 clinics" in rail
    assert 'href="/treatments/mesotherapy/"' in rail
    assert 'href="/clinics/?treatment=mesotherapy">Find a clinic for this' in html
    assert 'href="/treatments/mesotherapy/consultation/">Ask up to 3 clinics' in html

    html = client.get("/treatments/mesotherapy/").content.decode()
    assert f'href="{guide.url}">Read our guide: Mesotherapy explained</a>' in html
    assert 'href="/clinics/?treatment=mesotherapy">Find a clinic for this' in html
    assert 'href="/treatments/mesotherapy/consultation/">Ask up to 3 clinics' in html


def test_a_concern_page_links_its_guides_and_the_clinic_search(client: Client, guides) -> None:
    meso = mesotherapy()
    guide = article(guides, slug="meso-guide", title="Mesotherapy explained", guide_for=meso)
    dull = Concern.objects.create(name="Dull skin", slug="dull-skin")
    TreatmentConcern.objects.create(treatment=meso, concern=dull, how_it_helps="Adds hydration.")
    html = client.get("/concerns/dull-skin/").content.decode()
    assert f'<a href="{guide.url}">Mesotherapy explained</a>' in html
    assert 'href="/clinics/?concern=dull-skin">Find a clinic for dull skin</a>' in html


def test_an_article_without_a_treatment_offers_the_clinic_search(client: Client, guides) -> None:
    page = article(guides, slug="choosing", title="Choosing a practitioner")
    html = client.get(page.url).content.decode()
    rail = html[html.index('class="article__rail"') : html.index('class="article__body"')]
    assert 'href="/clinics/">Find a clinic</a>' in rail


def test_a_guide_behind_a_password_is_not_linked(client: Client, guides) -> None:
    from wagtail.models import PageViewRestriction

    meso = mesotherapy()
    guide = article(guides, slug="meso-guide", title="Mesotherapy explained", guide_for=meso)
    PageViewRestriction.objects.create(page=guides, restriction_type="password", password="secret-words")
    assert guide.url not in client.get("/treatments/mesotherapy/").content.decode()
