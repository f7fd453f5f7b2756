"""The sitemap lists every kind of public page, on SITE_URL, and every address it gives answers 200."""

from __future__ import annotations

import urllib.request
import xml.etree.ElementTree as ET
from io import StringIO
from typing import Any
from urllib.parse import urlsplit

from django.core.management import call_command
from django.urls import reverse

from cosmediclist.catalog.models import BodyArea, Concern, Treatment
from cosmediclist.core import origin
from cosmediclist.directory.models import Clinic
from cosmediclist.editorial.models import ArticlePage
from cosmediclist.editorial.tests.factories import wagtail_roots

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own live server
        return int(response.status), response.read()


def test_every_sitemap_address_answers_200_on_site_url(
    transactional_db: None, live_server: Any, settings: Any
) -> None:
    wagtail_roots()  # an earlier transactional test may have flushed what Wagtail's migrations made
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    settings.SITE_URL = live_server.url
    origin.sync_wagtail_site()

    status, body = fetch(live_server.url + "/sitemap.xml")
    assert status == 200
    locations = [str(loc.text) for loc in ET.fromstring(body).iter(LOC)]  # noqa: S314 - our own output
    assert len(locations) == len(set(locations)), "an address is listed twice"
    assert {urlsplit(loc)._replace(path="", query="").geturl() for loc in locations} == {live_server.url}
    paths = {urlsplit(loc).path for loc in locations}
    expected = {"/", reverse("editorial:guide-index"), reverse("consultations:responsiveness")}
    expected |= {
        reverse(name) for name in ("core:about", "core:editorial-policy", "core:privacy", "core:contact")
    }
    expected |= {reverse(n) for n in ("catalog:treatment-list", "catalog:concern-list", "catalog:area-list")}
    expected |= {page.url for page in ArticlePage.objects.live().public()}
    expected |= {t.get_absolute_url() for t in Treatment.objects.published()}
    expected |= {c.get_absolute_url() for c in Concern.objects.all()} | {
        a.get_absolute_url() for a in BodyArea.objects.all()
    }
    verified = {c.get_absolute_url() for c in Clinic.objects.verified()}
    assert verified and Clinic.objects.exclude(is_verified=True).exists()
    expected |= verified
    assert expected - paths == set()
    assert {c.get_absolute_url() for c in Clinic.objects.exclude(is_verified=True)} & paths == set()

    broken = {}
    for loc in locations:
        status, _ = fetch(loc)
        if status != 200:
            broken[loc] = status
    assert broken == {}
