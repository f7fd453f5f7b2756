"""The data cache of rarely changing blocks (core.pagecache.cached_for_generation): exact invalidation.

The whole-page cache is off here, so what a test sees stale comes from the data cache alone. Each
test first proves the block is kept (a change made behind the services' back, with
``QuerySet.update``, which sends no signal, stays unseen), then makes the change the way the site
does (a service, the CMS) and expects it on the very next request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from cosmediclist.catalog.models import Treatment
from cosmediclist.catalog.tests.factories import mesotherapy
from cosmediclist.core import pagecache
from cosmediclist.directory import services as directory
from cosmediclist.directory.models import Clinic, Offer, Practitioner
from cosmediclist.directory.services.response_times import record_response_times
from cosmediclist.directory.tests.factories import PractitionerFactory, clinic_offering
from cosmediclist.discussion.models import ModerationSettings
from cosmediclist.discussion.tests.factories import make_comment
from cosmediclist.editorial.models import ArticleIndexPage, ArticlePage
from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests import factories as editorial
from cosmediclist.reviews import services as reviews
from cosmediclist.reviews.models import VerdictTally
from cosmediclist.reviews.tests.factories import invitation_for, review_input, treated_request
from tests.invalidation import kept, text

pytestmark = [pytest.mark.data_cache, pytest.mark.django_db]
TREATMENT_PAGE = "/treatments/mesotherapy/"


@pytest.fixture
def guides(db: None) -> ArticleIndexPage:
    return set_up_editorial()


@pytest.fixture
def guide(guides: ArticleIndexPage) -> ArticlePage:
    return editorial.article(guides, slug="what-is-mesotherapy", title="What is mesotherapy?")


@pytest.fixture
def clinic(clinic_staff: Any) -> Clinic:
    return clinic_offering(mesotherapy(), staff=clinic_staff, name="Wellcare Test Clinic")


@contextmanager
def handling_a_request() -> Iterator[None]:
    """The signals a request's handler sends at its start and end (without closing the test's
    database connection, as Django's test client does)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        try:
            yield
        finally:
            request_finished.send(sender=None)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def test_the_generation_is_read_once_per_request_and_a_change_in_it_is_seen(
    django_assert_num_queries: Any,
) -> None:
    first = pagecache.current_generation()
    with handling_a_request():
        with django_assert_num_queries(1):  # the database cache here (no Redis in tests)
            assert pagecache.current_generation() == first
            assert pagecache.current_generation() == first
        pagecache.content_changed()
        changed = pagecache.current_generation()
        assert changed != first
    with django_assert_num_queries(1):  # between requests, every read asks the shared cache
        assert pagecache.current_generation() == changed


def test_moving_the_site_to_another_host_shows_on_the_next_request(
    client: Client, guide: ArticlePage
) -> None:
    site = Site.objects.get(is_default_site=True)
    for _ in range(2):  # the first view may create rows (Wagtail's settings row): a change
        assert "What is mesotherapy?" in text(client, guide.url)
    Site.objects.filter(pk=site.pk).update(hostname="elsewhere.example", is_default_site=False)
    assert "What is mesotherapy?" in text(client, guide.url)  # the site of "testserver" is kept
    site.refresh_from_db()
    site.save()  # as the CMS's site form does
    text(client, guide.url, status=404)


def test_the_comment_rules_saved_in_the_cms_show_on_the_next_request(
    client: Client, guide: ArticlePage, admin: Any
) -> None:
    make_comment(page=guide, body="The first thread.")
    make_comment(page=guide, body="The second thread.")
    kept(client, guide.url, lambda: ModerationSettings.objects.update(threads_per_page=1), "Page 1 of 2")
    cms = Client()
    cms.force_login(admin)
    rules = ModerationSettings.objects.get()
    data = {**model_to_dict(rules, exclude=["id"]), "threads_per_page": 1}
    edit = reverse("wagtailsettings:edit", args=["discussion", "moderationsettings", rules.pk])
    response = cms.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Page 1 of 2" in text(client, guide.url)


def test_clinic_offer_price_and_practitioner_changes_show_in_the_clinics_offering_block(
    client: Client, clinic: Clinic, clinic_staff: Any
) -> None:
    url = TREATMENT_PAGE
    kept(client, url, lambda: Clinic.objects.filter(pk=clinic.pk).update(name="Quietly renamed"), "Quietly")
    directory.update_clinic(actor=clinic_staff, clinic=clinic, changes={"name": "Wellcare Renamed"})
    assert "Wellcare Renamed" in text(client, url)

    offer = Offer.objects.get(clinic=clinic)
    kept(client, url, lambda: Offer.objects.filter(pk=offer.pk).update(price_from_gbp=987), "£987")
    directory.save_offer(
        actor=clinic_staff, clinic=clinic, treatment=offer.treatment, price_from_gbp=321, offer=offer
    )
    assert "£321" in text(client, url)

    person = PractitionerFactory.create(clinic=clinic, name="Dr Ada Example")
    assert "Dr Ada Example" in text(client, url)  # adding one is a change too
    kept(client, url, lambda: Practitioner.objects.filter(pk=person.pk).update(name="Dr Quiet"), "Dr Quiet")
    directory.save_practitioner(
        actor=clinic_staff, clinic=clinic, practitioner=person, data={"name": "Dr Ada Renamed"}
    )
    assert "Dr Ada Renamed" in text(client, url)

    # A newly verified clinic offering the treatment joins the block.
    clinic_offering(Treatment.objects.get(slug="mesotherapy"), name="Brand New Clinic")
    assert "Brand New Clinic" in text(client, url)


def test_a_new_response_time_shows_in_the_clinics_offering_block(client: Client, clinic: Clinic) -> None:
    """Response times are stored with a bulk update, which sends no signal: the service says so."""
    assert clinic.median_response_hours is None
    silently = Clinic.objects.filter(pk=clinic.pk).update
    kept(client, TREATMENT_PAGE, lambda: silently(median_response_hours=30.0), "Replies:")
    assert record_response_times({clinic.pk: 3.0}) == 1
    assert "Replies:" in text(client, TREATMENT_PAGE)


def test_an_approved_review_shows_in_the_treatment_outcomes(
    client: Client, clinic: Clinic, clinic_staff: Any, editor: Any
) -> None:
    treatment = clinic.offers.get().treatment
    request = treated_request(clinic, treatment, staff=clinic_staff)
    review = reviews.submit_review(
        invitation=invitation_for(request), data=review_input(treatment, title="Kind and careful"), user=None
    )
    marker = "of 1 verified patient who reviewed"
    tally = VerdictTally(clinic=clinic, treatment=treatment, worth_it=1)
    kept(client, TREATMENT_PAGE, lambda: VerdictTally.objects.bulk_create([tally]), marker)
    reviews.approve_review(review=review, actor=editor)
    assert marker in text(client, TREATMENT_PAGE)
