"""The site search understands people: other names, a treatment and a place, prefixes, suggestions."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cosmediclist.catalog import services
from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import TreatmentFactory
from cosmediclist.directory.tests.factories import ClinicFactory, OfferFactory
from tests.corpora import naughty_strings


@pytest.fixture
def botox(db) -> Treatment:
    return TreatmentFactory.create(
        name="Anti-wrinkle injections (botulinum toxin)",
        slug="botulinum-toxin",
        also_known_as="botox, anti-wrinkle\nwrinkle injections",
    )


@pytest.fixture
def filler(db) -> Treatment:
    return TreatmentFactory.create(
        name="Hyaluronic acid dermal filler", slug="dermal-filler", also_known_as="fillers\nlip filler"
    )


def answer(page: str) -> str:
    found = re.search(r'<section class="search-answer".*?</section>', page, re.S)
    return found.group(0) if found else ""


def test_botox_finds_the_botulinum_toxin_treatment_first(client: Client, botox) -> None:
    page = client.get("/search/", {"q": "botox"}).content.decode()
    treatments = re.search(
        r">Treatments</h2>\s*<ul class=\"search-results\">\s*<li><a href=\"([^\"]+)\"", page
    )
    assert treatments is not None and treatments.group(1) == "/treatments/botulinum-toxin/"
    box = answer(page)
    assert "Find a clinic for Anti-wrinkle injections" in box
    assert 'name="treatment" value="botulinum-toxin"' in box


@pytest.mark.parametrize(
    "query",
    [
        "manchester mesotherapy",
        "mesotherapy manchester",
        "Mesotherapy in Manchester",
        "mesotherapy near M1 1AE",
    ],
)
def test_a_treatment_and_a_place_lead_to_the_clinic_search_for_both(
    client: Client, clinic, other_clinic, query
) -> None:
    page = client.get("/search/", {"q": query}).content.decode()
    box = answer(page)
    assert "Clinics offering Mesotherapy near" in box
    assert "Wellcare Medical Centre" in box
    assert "Thames Skin Rooms" not in box  # London is not near Manchester
    link = re.search(r'<a class="button" href="([^"]+)">See this clinic in the clinic search', box)
    assert link is not None
    target = link.group(1).replace("&amp;", "&")
    assert target.startswith("/clinics/?treatment=mesotherapy&near=")
    assert "Wellcare Medical Centre" in client.get(target).content.decode()


def test_fillers_in_leeds_finds_the_leeds_clinic_offering_fillers(client: Client, filler) -> None:
    leeds = ClinicFactory.create(name="Leeds Skin Studio", town="Leeds", latitude=53.7997, longitude=-1.5492)
    OfferFactory.create(clinic=leeds, treatment=filler)
    box = answer(client.get("/search/", {"q": "fillers in leeds"}).content.decode())
    assert "Clinics offering Hyaluronic acid dermal filler near Leeds" in box
    assert "Leeds Skin Studio" in box
    assert "/clinics/?treatment=dermal-filler&amp;near=Leeds" in box


def test_a_treatment_query_lists_clinics_near_the_place_the_reader_gave(
    client: Client, botox, clinic
) -> None:
    OfferFactory.create(clinic=clinic, treatment=botox)
    box = answer(client.get("/search/", {"q": "botox", "near": "M1 1AE"}).content.decode())
    assert "Clinics offering Anti-wrinkle injections near M1 1AE" in box
    assert "Wellcare Medical Centre" in box
    assert re.search(r"0\.\d miles away", box)


def test_a_short_query_matches_the_start_of_names(client: Client, treatment, botox) -> None:
    page = client.get("/search/", {"q": "meso"}).content.decode()
    assert 'href="/treatments/mesotherapy/"' in page
    assert 'href="/treatments/botulinum-toxin/"' in client.get("/search/", {"q": "botu"}).content.decode()


def test_did_you_mean_suggests_catalogue_words_and_places_only(client: Client, clinic) -> None:
    page = client.get("/search/", {"q": "mesotherpy"}).content.decode()
    assert re.search(r"Did you mean: <a href=\"\?q=Mesotherapy\">Mesotherapy</a>", page)
    assert ">Manchester</a>" in client.get("/search/", {"q": "Manchestr"}).content.decode()
    misspelt_clinic = client.get("/search/", {"q": "Wellcaer Medical Centre"}).content.decode()
    assert "Wellcare Medical Centre</a>?" not in misspelt_clinic
    combined = client.get("/search/", {"q": "mesotherapy manchestr"}).content.decode()
    assert ">Mesotherapy Manchester</a>" in combined


def test_an_editors_new_name_works_on_the_next_search(client: Client, clinic, treatment) -> None:
    assert "/treatments/mesotherapy/" not in client.get("/search/", {"q": "vitamin jabs"}).content.decode()
    facts = {
        f.name: getattr(treatment, f.name)
        for f in Treatment._meta.concrete_fields
        if f.name
        not in ("id", "slug", "created_at", "updated_at", "last_reviewed_on", "is_published", "also_known_as")
    }
    services.save_treatment(actor=None, slug="mesotherapy", also_known_as="vitamin jabs", **facts)
    page = client.get("/search/", {"q": "vitamin jabs"}).content.decode()
    assert 'href="/treatments/mesotherapy/"' in page
    assert ">vitamin</a>" not in page


def test_naughty_queries_and_places_never_fail(client: Client, clinic) -> None:
    for text in naughty_strings():
        response = client.get("/search/", {"q": f"mesotherapy {text}", "near": text})
        assert response.status_code == 200, text
    response = client.get("/search/", {"q": "<script>alert(1)</script> botox", "near": "<b>Leeds</b>"})
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert 'value="&lt;b&gt;Leeds&lt;/b&gt;"' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Treatments (named + full text), concerns, areas, guides, clinics, practitioners.
        ({"q": "botox"}, 16),
        # A treatment's own name: each provider once (not again with the name as the catalogue
        # writes it, "Mesotherapy", which differs only in case).
        ({"q": "mesotherapy"}, 8),
        # The same, then the treatment's clinics near the place: candidates and the page's cards.
        ({"q": "manchester mesotherapy"}, 13),
    ],
)
def test_search_page_runs_a_fixed_number_of_queries(
    client: Client, clinic, botox, django_assert_num_queries, params, expected
) -> None:
    client.get("/search/", params)  # the catalogue's words are cached after the first search
    for n in range(3):
        extra = ClinicFactory.create(name=f"Extra Manchester {n}")
        OfferFactory.create(clinic=extra, treatment=clinic.offers.first().treatment)
        with django_assert_num_queries(expected):
            assert client.get("/search/", params).status_code == 200
