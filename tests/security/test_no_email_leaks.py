"""No email address of 200 commenters, reviewers and patients (nor its MD5, SHA-1 or SHA-256) is
published: not on any page reachable from the home page or the sitemap, not in any feed, not in any
API response that a GET without parameters gives, not in the OpenAPI document."""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic
from cosmediclist.discussion.tests.factories import CommentFactory
from cosmediclist.editorial.models import ArticlePage
from cosmediclist.reviews.models import Review
from cosmediclist.reviews.tests import bulk
from tests.security.figures import record
from tests.site import crawl

PEOPLE = 200
TOKEN = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+|(?<![0-9a-fA-F])[0-9a-fA-F]{32,64}(?![0-9a-fA-F])")
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def markers(address: str) -> set[str]:
    """The address and the hex digests a careless page could publish (avatars, cache keys, ids)."""
    found = {address}
    for text in {address, address.strip().lower()}:
        for algorithm in ("md5", "sha1", "sha256"):
            found.add(hashlib.new(algorithm, text.encode()).hexdigest())
    return found


def seed_people() -> set[str]:
    """200 commenters, 200 reviewers with accounts and 200 patients; returns their addresses."""
    addresses: set[str] = set()
    pages = list(ArticlePage.objects.live())
    for n in range(PEOPLE):
        email = f"Commenter.{n}@Leak-Check.example"
        CommentFactory.create(page=pages[n % len(pages)], email=email, name=f"Commenter {n}")
        addresses.add(email)
    clinic = Clinic.objects.order_by("pk").first()
    treatment = Treatment.objects.published().order_by("pk").first()
    assert clinic is not None and treatment is not None
    reviews = bulk.approved_reviews(
        clinic, treatment, [f"Review {n}: a careful clinic." for n in range(PEOPLE)], prefix="leak"
    )
    for n, review in enumerate(reviews):
        email = f"reviewer.{n}@leak-check.example"
        Review.objects.filter(pk=review.pk).update(author=User.objects.create_user(email, None))
        addresses.add(email)
        addresses.add(review.request.email)  # the patient behind each review's request
    return addresses


def public_texts(client: Client) -> dict[str, str]:
    """Every public page, sitemap page, feed and parameterless API GET, as {path: text}."""
    texts = crawl(client, limit=600)
    sitemap = client.get("/sitemap.xml")
    texts["/sitemap.xml"] = sitemap.content.decode()
    for loc in ET.fromstring(sitemap.content).iter(LOC):  # noqa: S314 - our own output
        path = urlsplit(str(loc.text)).path
        if path not in texts:
            texts[path] = client.get(path).content.decode()
    for path in ("/feeds/comments/", "/feeds/guides/rss/", "/feeds/guides/atom/"):
        texts[path] = client.get(path).content.decode()
    for page in ArticlePage.objects.live():
        path = f"/feeds/comments/{page.pk}/"
        texts[path] = client.get(path).content.decode()
    schema = client.get("/api/v1/openapi.json")
    texts["/api/v1/openapi.json"] = schema.content.decode()
    for route, operations in json.loads(schema.content)["paths"].items():
        if "get" in operations and "{" not in route:
            texts[route] = client.get(route).content.decode()
    return texts


@pytest.mark.django_db
def test_no_seeded_email_address_or_its_hash_is_published(client: Client) -> None:
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    addresses = seed_people()
    assert len(addresses) == 3 * PEOPLE
    texts = public_texts(client)
    assert len(texts) > 100
    assert any("Commenter 7" in text for text in texts.values())  # the seeded people are really shown
    assert any("Review 7: a careful clinic." in text for text in texts.values())
    wanted = {marker.lower() for address in addresses for marker in markers(address)}
    leaks = {(path, token) for path, text in texts.items() for token in tokens(text) if token in wanted}
    record("Email leaks", people_seeded=len(addresses), responses_read=len(texts), leaks_found=len(leaks))
    assert leaks == set()


def tokens(text: str) -> set[str]:
    """Every email-shaped and hex-digest-shaped run of the text, lower-cased."""
    return {match.lower() for match in TOKEN.findall(text)}


def test_the_check_would_see_an_address_or_its_digest() -> None:
    address = "Commenter.3@Leak-Check.example"
    digest = hashlib.md5(address.lower().encode()).hexdigest()  # noqa: S324 - what a careless avatar would do
    page = f'<img src="/avatar/{digest}.png" alt=""> written by {address}'
    assert tokens(page) & {m.lower() for m in markers(address)} == {address.lower(), digest}
