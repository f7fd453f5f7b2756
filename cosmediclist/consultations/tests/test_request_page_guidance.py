"""The request page points the reader to the guidance on choosing a practitioner safely."""

from __future__ import annotations

from django.test import Client

from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests.factories import article


def _link(client: Client, clinic) -> str:
    html = client.get(f"/clinics/{clinic.slug}/consultation/").content.decode()
    start = html.index("read <a href=") + len("read <a href=")
    return html[start : html.index(">", start)].strip('"')


def test_the_request_page_links_to_the_guide_on_choosing_a_practitioner_once_it_is_live(
    client: Client, clinic
) -> None:
    assert _link(client, clinic) == "/consultations/response-times/#choosing"
    guide = article(set_up_editorial(), slug="choosing-a-practitioner-safely", title="Choosing safely")
    assert _link(client, clinic) == "/guides/choosing-a-practitioner-safely/"
    guide.unpublish()
    assert _link(client, clinic) == "/consultations/response-times/#choosing"
