from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from django.test import Client

from cosmediclist.editorial.tests import factories
from tests.worker import run_tasks

ATOM = "{http://www.w3.org/2005/Atom}"


def xml(client: Client, path: str) -> Any:
    """Parse one of our own responses; a parse error fails the test."""
    response = client.get(path)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own output, not untrusted input


def test_rss_and_atom_feeds_are_valid_xml_site_wide_and_per_tag(client: Client, guides) -> None:
    factories.article(guides, slug="meso", title="Mesotherapy", tags=["skin"])
    factories.article(guides, slug="safe", title="Choosing safely", tags=["safety"])
    rss = xml(client, "/feeds/guides/rss/")
    assert sorted(str(i.findtext("title")) for i in rss.iter("item")) == ["Choosing safely", "Mesotherapy"]
    assert all(i.findtext("link").endswith("/") for i in rss.iter("item"))
    atom = xml(client, "/feeds/guides/tags/skin/atom/")
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == ["Mesotherapy"]
    xml(client, "/feeds/guides/atom/")
    xml(client, "/feeds/guides/tags/safety/rss/")
    assert client.get("/feeds/guides/tags/no-such-tag/rss/").status_code == 404


def test_sitemap_is_valid_xml_and_lists_the_guides(client: Client, guides) -> None:
    factories.article(guides, slug="what-is-mesotherapy")
    tree = xml(client, "/sitemap.xml")
    locations = [loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(str(loc).endswith("/guides/what-is-mesotherapy/") for loc in locations)
    assert any(str(loc).endswith("/guides/") for loc in locations)


def test_guides_join_the_site_search_with_did_you_mean(client: Client, guides) -> None:
    factories.article(guides, slug="what-is-mesotherapy", title="What is mesotherapy and how does it work?")
    run_tasks()
    html = client.get("/search/", {"q": "mesotherapy"}).content.decode()
    assert "/guides/what-is-mesotherapy/" in html
    assert "mesotherapy" in client.get("/search/", {"q": "mesotherepy"}).content.decode()


def test_guide_feeds_survive_control_characters_in_stored_text(client: Client, guides) -> None:
    factories.article(guides, slug="ctl", title="Peels\x0c explained", summary="Plain\x0b summary\x1f.")
    for path in ("/feeds/guides/rss/", "/feeds/guides/atom/", "/feeds/guides/tags/skin/rss/"):
        tree = xml(client, path)
        assert "Peels explained" in ET.tostring(tree, encoding="unicode")
