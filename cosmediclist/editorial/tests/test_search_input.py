"""Site search takes any text: quotes, operators and attack strings are words to find, never syntax."""

from __future__ import annotations

from django.test import Client

from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.core import search
from cosmediclist.editorial.tests import factories
from tests import corpora
from tests.worker import run_tasks


def _indexed(guides) -> None:
    factories.article(guides, slug="what-is-mesotherapy", title="What is mesotherapy and how does it work?")
    mesotherapy()
    run_tasks()


def test_full_text_syntax_in_a_query_is_searched_as_words(client: Client, guides) -> None:
    _indexed(guides)
    for q in (
        '"a',
        '"mesotherapy',
        "meso*",
        "mesotherapy AND",
        "NOT mesotherapy",
        "(mesotherapy",
        "a:b",
        "-x",
    ):
        assert client.get("/search/", {"q": q}).status_code == 200, q
    html = client.get("/search/", {"q": '"mesotherapy"'}).content.decode()
    assert "/guides/what-is-mesotherapy/" in html
    assert "/treatments/mesotherapy/" in html


def test_every_corpus_string_through_the_site_search_is_searched_without_error(
    client: Client, guides
) -> None:
    _indexed(guides)
    strings = corpora.naughty_strings() + corpora.lines("sqli-generic.txt")
    strings += corpora.lines("xss-payloads-half.txt")[::16]
    for raw in strings:  # every string through the providers: a database error would raise
        search.search(search.clean_query(raw))
    # and a sample through the page itself
    failures = [q for q in strings[::9] if client.get("/search/", {"q": q}).status_code != 200]
    assert failures == []
