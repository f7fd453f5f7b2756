from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.editorial.tests import factories
from tests.corpora import naughty_strings


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.capture = False
        self.json_ld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
            self.capture = dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.capture = False


def scripts_of(html: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(html)
    return parser


def graph_of(html: str) -> dict[str, dict[str, Any]]:
    blocks = scripts_of(html).json_ld
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    return {node["@type"]: node for node in data["@graph"]}


def test_article_shows_byline_review_dates_summary_contents_references_and_disclaimer(
    client: Client, guides
) -> None:
    page = factories.article(guides, slug="what-is-mesotherapy", disclosure="Nobody paid for this guide.")
    html = client.get("/guides/what-is-mesotherapy/").content.decode()
    assert html.count("<h1>") == 1
    assert page.author.name in html
    assert page.reviewer is not None
    assert f"{page.reviewer.name}, MBChB, MRCP" in html
    assert 'href="https://www.gmc-uk.org/registration-and-licensing/the-medical-register"' in html
    assert page.reviewer.register_number in html
    assert "Last reviewed" in html and "Next review due" in html
    assert "min</dd>" in html
    assert "The plain-language summary." in html
    assert 'class="toc"' in html and 'href="#section-1"' in html and 'id="section-1"' in html
    assert 'id="references"' in html and "Study 0" in html
    assert "Medical disclaimer" in html
    assert "Nobody paid for this guide." in html
    assert "Under review" not in html
    # Hooks for the discussion and directory apps are blocks, not output.
    assert "{%" not in html


def test_disclosure_and_contents_are_left_out_when_not_needed(client: Client, guides) -> None:
    factories.article(guides, slug="short", body=factories.body(sections=2))
    html = client.get("/guides/short/").content.decode()
    assert "Disclosure" not in html
    assert 'class="toc"' not in html


def test_treatment_guide_shows_the_catalogue_facts(client: Client, guides) -> None:
    treatment = mesotherapy()
    factories.article(guides, slug="what-is-mesotherapy", guide_for=treatment)
    html = client.get("/guides/what-is-mesotherapy/").content.decode()
    assert "Mesotherapy at a glance" in html
    assert "3–4 sessions" in html and "4–6 months" in html
    assert "What it may do" in html  # the benefits call-out


def test_guide_past_its_review_date_tells_readers_it_is_under_review(client: Client, guides) -> None:
    long_ago = timezone.localdate() - datetime.timedelta(days=800)
    factories.article(
        guides,
        slug="old",
        reviewed_on=long_ago,
    )
    assert "Under review" in client.get("/guides/old/").content.decode()


def test_json_ld_is_one_graph_with_the_medical_review_fields(client: Client, guides) -> None:
    page = factories.article(guides, slug="what-is-mesotherapy", hero=factories.image())
    html = client.get("/guides/what-is-mesotherapy/").content.decode()
    nodes = graph_of(html)
    assert set(nodes) >= {"Organization", "WebSite", "MedicalWebPage", "Article", "Person", "BreadcrumbList"}
    webpage = nodes["MedicalWebPage"]
    page.refresh_from_db()
    assert page.reviewer is not None and page.last_reviewed_on is not None
    published_on = timezone.localdate(page.first_published_at)
    assert webpage["lastReviewed"] == max(page.last_reviewed_on, published_on).isoformat()
    assert webpage["medicalAudience"]["@type"] == "MedicalAudience"
    data = json.loads(scripts_of(html).json_ld[0])
    people = {n["@id"]: n for n in data["@graph"] if n["@type"] == "Person"}
    assert people[webpage["reviewedBy"]["@id"]]["name"] == page.reviewer.name
    assert people[nodes["Article"]["author"]["@id"]]["name"] == page.author.name
    assert nodes["WebSite"]["potentialAction"]["target"]["urlTemplate"].endswith(
        "/search/?q={search_term_string}"
    )
    assert [i["name"] for i in nodes["BreadcrumbList"]["itemListElement"]] == ["Home", "Guides", page.title]
    assert nodes["Article"]["image"].endswith(".jpg")
    assert len(nodes["Article"]["citation"]) == 2
    ids = {n["@id"] for n in data["@graph"]}
    assert webpage["mainEntity"]["@id"] in ids and webpage["breadcrumb"]["@id"] in ids
    assert 'aria-label="Breadcrumb"' in html


def test_share_links_are_plain_links_and_no_third_party_script_loads(client: Client, guides) -> None:
    factories.article(guides, slug="what-is-mesotherapy", hero=factories.image())
    html = client.get("/guides/what-is-mesotherapy/").content.decode()
    for prefix in (
        "mailto:?",
        "https://wa.me/?",
        "https://x.com/intent/post?",
        "https://www.facebook.com/sharer/",
        "https://www.linkedin.com/sharing/",
        "https://www.reddit.com/submit?",
    ):
        assert f'href="{prefix}' in html
    assert "what-is-mesotherapy" in re.search(r'href="(https://wa.me/[^"]+)"', html).group(1)  # type: ignore[union-attr]
    sources = [s.get("src") for s in scripts_of(html).scripts if s.get("src")]
    assert sources == ["/static/js/site.js"]
    assert re.search(
        r'<button[^>]*data-copy-link="http[^"]+/guides/what-is-mesotherapy/"[^>]*aria-controls="share-status"',
        html,
    )
    assert 'data-web-share="' in html and 'id="share-status"' in html


def test_the_review_date_given_out_is_never_before_first_publication(client: Client, guides) -> None:
    factories.article(guides, slug="old-review", last_reviewed_on=datetime.date(2020, 1, 6))
    html = client.get("/guides/old-review/").content.decode()
    nodes = graph_of(html)
    published = datetime.datetime.fromisoformat(nodes["Article"]["datePublished"])
    assert nodes["MedicalWebPage"]["lastReviewed"] == timezone.localdate(published).isoformat()
    assert nodes["Article"]["dateModified"] >= nodes["Article"]["datePublished"]


def test_a_long_standfirst_is_described_up_to_a_word_boundary(client: Client, guides) -> None:
    standfirst = "Fillers add volume under the skin and their effect fades over months " * 4
    factories.article(guides, slug="long", standfirst=standfirst, search_description="")
    html = client.get("/guides/long/").content.decode()
    described = re.search(r'<meta name="description" content="([^"]+)">', html)
    og = re.search(r'<meta property="og:description" content="([^"]+)">', html)
    assert described is not None and og is not None and described.group(1) == og.group(1)
    assert len(described.group(1)) <= 160 and described.group(1).endswith(" volume…")
    assert graph_of(html)["Article"]["description"] == described.group(1)


def test_social_meta_tags_and_canonical_url(client: Client, guides, settings) -> None:
    factories.article(
        guides, slug="what-is-mesotherapy", hero=factories.image(), search_description="Meta text."
    )
    html = client.get("/guides/what-is-mesotherapy/").content.decode()
    url = f"{settings.SITE_URL}/guides/what-is-mesotherapy/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta name="description" content="Meta text.">' in html
    assert re.search(r'<meta property="og:image" content="http[^"]+fill-1200x630[^"]*\.jpg">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_article_page_runs_the_same_few_queries_however_big_it_is(
    client: Client, guides, django_assert_num_queries
) -> None:
    small = factories.article(
        guides,
        slug="small",
        hero=factories.image(),
        tags=["skin"],
        body=factories.body(sections=4, images=[factories.image()], references=1),
    )
    pictures = [factories.image() for _ in range(6)]
    big = factories.article(
        guides,
        slug="big",
        hero=factories.image(),
        tags=[f"tag-{n}" for n in range(12)],
        body=factories.body(sections=40, images=pictures, references=30),
    )
    from cosmediclist.discussion.tests.factories import make_comment, reply

    for _ in range(10):  # 30 approved comments in threads of three
        top = make_comment(page=big)
        reply(reply(top))
    for page in (small, big):
        client.get(page.url)  # renditions are made on the first view
    # 8 for the article itself (the site, the page with its parent, the specific page with its author,
    # reviewer, hero and comment flag, view restrictions, tags, review history; editorial.routing) and
    # 2 for its comment section (settings, the threads with their counts), whatever it holds; with
    # no comment yet, one more to count them.
    with django_assert_num_queries(11):
        assert client.get(small.url).status_code == 200
    with django_assert_num_queries(10):
        assert client.get(big.url).status_code == 200


def test_index_filters_by_tag_and_paginates(client: Client, guides) -> None:
    for n in range(14):
        factories.article(
            guides, slug=f"guide-{n}", title=f"Guide number {n}", tags=["skin" if n % 2 else "safety"]
        )
    first = client.get("/guides/").content.decode()
    assert first.count('class="card article-card"') == 12 and "Page 1 of 2" in first
    assert 'href="?page=2"' in first
    assert client.get("/guides/?page=2").content.decode().count('class="card article-card"') == 2
    safety = client.get("/guides/?tag=safety").content.decode()
    assert "Guides about safety" in safety and safety.count('class="card article-card"') == 7
    assert "/feeds/guides/tags/safety/rss/" in safety


def test_index_runs_the_same_queries_whatever_the_number_of_guides(
    client: Client, guides, django_assert_num_queries
) -> None:
    factories.article(guides, slug="one", hero=factories.image())
    client.get("/guides/")  # card renditions are made on the first view
    with django_assert_num_queries(9):
        client.get("/guides/")
    for n in range(11):
        factories.article(guides, slug=f"more-{n}", tags=["skin", f"t{n}"], hero=factories.image())
    client.get("/guides/")
    # The site, the page with its parent, the specific page, its view restrictions, the count of
    # guides, the tags, the guides (public ones: restrictions checked inline) with their hero
    # images, their tags, and every card's rendition.
    with django_assert_num_queries(9):
        client.get("/guides/")


@pytest.mark.parametrize("value", naughty_strings()[::7])
def test_odd_tag_and_page_values_never_break_the_index(client: Client, guides, value: str) -> None:
    response = client.get("/guides/", {"tag": value, "page": value})
    assert response.status_code == 200


def test_preview_renders_a_draft_that_readers_cannot_see(client: Client, guides) -> None:
    page = factories.article(guides, slug="draft-me")
    page.title = "A new title in draft"
    page.save_revision()
    assert b"A new title in draft" not in client.get("/guides/draft-me/").content
    draft = page.get_latest_revision_as_object()
    response = draft.make_preview_request()
    assert response.status_code == 200
    assert b"A new title in draft" in response.content


def test_scheduled_guide_goes_live_at_its_go_live_time(client: Client, guides, time_machine) -> None:
    from django.core.management import call_command

    page = factories.article(guides, slug="later")
    page.unpublish()
    go_live = timezone.now() + datetime.timedelta(days=2)
    page.go_live_at = go_live
    page.save_revision().publish()
    assert client.get("/guides/later/").status_code == 404
    time_machine.move_to(go_live + datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert client.get("/guides/later/").status_code == 200
