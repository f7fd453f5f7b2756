"""The whole-page cache for anonymous readers: what it serves, to whom, and exact invalidation.

Each invalidation test first proves the page is being served from the cache (a change made
behind the services' back, with ``QuerySet.update``, which sends no signal, stays unseen), then
makes the change the way the site does and expects it on the very next request.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponseNotFound
from django.test import Client
from django.urls import reverse

from cosmediclist.catalog.models import Concern, Treatment
from cosmediclist.catalog.tests.factories import concern, mesotherapy
from cosmediclist.core.pagecache import CSRF_PLACEHOLDER
from cosmediclist.directory import services as directory
from cosmediclist.directory.models import Clinic, Offer, Practitioner
from cosmediclist.directory.tests.factories import PractitionerFactory, clinic_offering
from cosmediclist.discussion import services as discussion
from cosmediclist.discussion.models import Comment, Status
from cosmediclist.discussion.tests.factories import form_data, make_comment
from cosmediclist.editorial.models import ArticleIndexPage, ArticlePage
from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests import factories as editorial
from cosmediclist.reviews import services as reviews
from cosmediclist.reviews.tests.factories import invitation_for, review_input, treated_request
from tests.invalidation import kept, text
from tests.worker import run_tasks

pytestmark = [pytest.mark.page_cache, pytest.mark.django_db]


@pytest.fixture
def guides(db: None) -> ArticleIndexPage:
    return set_up_editorial()


@pytest.fixture
def guide(guides: ArticleIndexPage) -> ArticlePage:
    return editorial.article(guides, slug="what-is-mesotherapy", title="What is mesotherapy?")


@pytest.fixture
def clinic(clinic_staff: Any) -> Clinic:
    return clinic_offering(mesotherapy(), staff=clinic_staff, name="Wellcare Test Clinic")


def test_a_hit_costs_one_query_and_a_silent_change_stays_unseen(
    client: Client, django_assert_num_queries
) -> None:
    topic = concern("stretch-marks")
    url = f"/concerns/{topic.slug}/"
    first = text(client, url)
    # One query: the content generation, read from the shared database cache (no Redis in tests).
    with django_assert_num_queries(1):
        assert text(client, url) == first
    Concern.objects.filter(pk=topic.pk).update(summary="Changed without a signal")
    assert "Changed without a signal" not in text(client, url)


# An address map with no page at all, for the test below (its 404 names no other page).
urlpatterns: list[Any] = []


def plain_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponseNotFound:
    return HttpResponseNotFound("Not found")


handler404 = plain_404


def test_a_stored_page_is_served_before_its_address_is_resolved(
    client: Client, settings: Any, django_assert_num_queries
) -> None:
    """Once a process has served a public page, a hit skips URL resolution and the inner middleware."""
    known = f"/concerns/{concern('stretch-marks').slug}/"
    unseen = f"/concerns/{concern('acne-scars').slug}/"
    first = text(client, known)
    settings.ROOT_URLCONF = __name__  # from now on no address resolves to a view
    with django_assert_num_queries(1):  # the content generation, and nothing else
        assert text(client, known) == first
    assert client.get(unseen).status_code == 404  # never served: looked up after resolving, as before
    concern("melasma")  # a content change: the stored page is gone, the address is resolved again
    assert client.get(known).status_code == 404


def test_editing_and_publishing_a_guide_shows_on_the_next_request(
    client: Client, guide: ArticlePage, guides: ArticleIndexPage, editor: Any
) -> None:
    kept(
        client,
        guide.url,
        lambda: ArticlePage.objects.filter(pk=guide.pk).update(standfirst="Quiet edit"),
        "Quiet edit",
    )
    page = ArticlePage.objects.get(pk=guide.pk)
    page.standfirst = "A new standfirst, published"
    page.save_revision(user=editor).publish()
    assert "A new standfirst, published" in text(client, guide.url)
    assert "Second guide" not in text(client, "/guides/")
    editorial.article(guides, slug="second", title="Second guide")
    assert "Second guide" in text(client, "/guides/")


def test_search_results_follow_the_search_index_job(client: Client, guides: ArticleIndexPage) -> None:
    """The index is written by a background job after the save: results cached before it are dropped."""
    url = "/search/?q=zephyrine"
    editorial.article(guides, slug="zephyrine", title="Zephyrine peels explained")
    # Saved, not yet indexed: the search finds nothing, and that page is what the cache holds.
    kept(client, url, lambda: None, "Zephyrine peels explained")
    assert run_tasks() > 0
    assert "Zephyrine peels explained" in text(client, url)


def test_approving_a_comment_shows_it_on_the_next_request(
    client: Client, guide: ArticlePage, editor: Any
) -> None:
    comment = make_comment(page=guide, status=Status.PENDING, body="Held until a moderator approves it.")
    kept(
        client, guide.url, lambda: ArticlePage.objects.filter(pk=guide.pk).update(standfirst="Quiet"), "Quiet"
    )
    assert "Held until a moderator" not in text(client, guide.url)
    discussion.moderate(comment_ids=[comment.pk], action="approve", actor=editor)
    assert Comment.objects.get(pk=comment.pk).status == Status.APPROVED
    assert "Held until a moderator" in text(client, guide.url)


def test_approving_a_review_shows_it_on_the_next_request(
    client: Client, clinic: Clinic, clinic_staff: Any, editor: Any
) -> None:
    treatment = clinic.offers.get().treatment
    request = treated_request(clinic, treatment, staff=clinic_staff)
    review = reviews.submit_review(
        invitation=invitation_for(request), data=review_input(treatment, title="Kind and careful"), user=None
    )
    url = f"/clinics/{clinic.slug}/"
    kept(client, url, lambda: Clinic.objects.filter(pk=clinic.pk).update(description="Quiet"), "Quiet")
    assert "Kind and careful" not in text(client, url)
    reviews.approve_review(review=review, actor=editor)
    assert "Kind and careful" in text(client, url)


def test_changing_a_clinic_its_offer_price_and_practitioner_shows_on_the_next_request(
    client: Client, clinic: Clinic, clinic_staff: Any
) -> None:
    url = f"/clinics/{clinic.slug}/"
    kept(
        client,
        url,
        lambda: Clinic.objects.filter(pk=clinic.pk).update(description="Quietly changed"),
        "Quietly",
    )
    directory.update_clinic(
        actor=clinic_staff, clinic=clinic, changes={"description": "Now open on Saturdays."}
    )
    assert "Now open on Saturdays." in text(client, url)

    offer = Offer.objects.get(clinic=clinic)
    kept(client, url, lambda: Offer.objects.filter(pk=offer.pk).update(price_from_gbp=987), "£987")
    directory.save_offer(
        actor=clinic_staff, clinic=clinic, treatment=offer.treatment, price_from_gbp=321, offer=offer
    )
    assert "£321" in text(client, url)

    person = PractitionerFactory.create(clinic=clinic, name="Dr Ada Example")
    assert "Dr Ada Example" in text(client, url)  # adding one is a change too
    directory.save_practitioner(
        actor=clinic_staff, clinic=clinic, practitioner=person, data={"name": "Dr Ada Renamed"}
    )
    assert Practitioner.objects.get(pk=person.pk).name == "Dr Ada Renamed"
    assert "Dr Ada Renamed" in text(client, url)


def test_a_catalogue_edit_in_the_cms_shows_on_the_next_request(client: Client, admin: Any) -> None:
    topic = concern("stretch-marks")
    url = f"/concerns/{topic.slug}/"
    kept(client, url, lambda: Concern.objects.filter(pk=topic.pk).update(summary="Quiet"), "Quiet")
    cms = Client()
    cms.force_login(admin)
    edit = reverse(Concern.snippet_viewset.get_url_name("edit"), args=[topic.pk])
    response = cms.post(
        edit, {"name": topic.name, "slug": topic.slug, "summary": "Edited in the CMS.", "description": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Edited in the CMS." in text(client, url)


def test_signed_in_pages_are_never_stored_nor_served_from_the_cache(client: Client, reader: Any) -> None:
    url = "/treatments/"
    anonymous = text(client, url)
    signed_in = Client()
    signed_in.force_login(reader)
    response = signed_in.get(url)
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Sign out" in response.content.decode() and "Sign out" not in anonymous
    assert "Sign out" not in text(client, url)
    assert "ETag" not in response.headers


def test_each_reader_gets_a_token_of_their_own_and_can_post_from_a_cached_page(guide: ArticlePage) -> None:
    readers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    pages = [text(reader, guide.url) for reader in readers]
    assert CSRF_PLACEHOLDER not in pages[0] + pages[1]
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page) for page in pages]
    assert tokens[0] and tokens[1] and tokens[0][1] != tokens[1][1]
    assert all(reader.cookies["csrftoken"].value for reader in readers)
    posted = readers[1].post(
        reverse("discussion:post", args=[guide.pk]),
        {**form_data(), "csrfmiddlewaretoken": tokens[1][1], "post": "1"},
    )
    assert posted.status_code in {200, 302}
    assert Comment.objects.filter(page=guide).count() == 1
    stranger = Client(enforce_csrf_checks=True)
    forged = stranger.post(reverse("discussion:post", args=[guide.pk]), {**form_data(), "post": "1"})
    assert forged.status_code == 403


def test_headers_and_conditional_get(client: Client) -> None:
    url = f"/concerns/{concern('acne-scars').slug}/"
    first = client.get(url)
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert "Cookie" in first.headers["Vary"] and "Accept-Encoding" in first.headers["Vary"]
    etag = first.headers["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.headers["ETag"] == etag
    topic = Concern.objects.get(slug="acne-scars")
    topic.summary = "A new summary."
    topic.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_invalidation_through_redis(client: Client, redis_cache: None) -> None:
    topic = concern("stretch-marks")
    url = f"/concerns/{topic.slug}/"
    kept(client, url, lambda: Concern.objects.filter(pk=topic.pk).update(summary="Quiet"), "Quiet")
    topic.summary = "Saved through the model, seen through Redis."
    topic.save()
    assert "Saved through the model, seen through Redis." in text(client, url)


def test_the_clinics_offering_block_is_cached_for_signed_in_readers_too_and_invalidated(
    reader: Any, clinic: Clinic
) -> None:
    signed_in = Client()
    signed_in.force_login(reader)
    url = "/treatments/mesotherapy/"
    kept(
        signed_in, url, lambda: Clinic.objects.filter(pk=clinic.pk).update(name="Quietly renamed"), "Quietly"
    )
    clinic_offering(Treatment.objects.get(slug="mesotherapy"), name="Brand New Clinic")
    page = text(signed_in, url)
    assert "Brand New Clinic" in page and "Quietly renamed" in page
