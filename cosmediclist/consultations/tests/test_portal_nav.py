"""Staff find their work: the portal's navigation on every portal page, and the plans of this week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine
from django.template import Context, Template
from django.test import Client, RequestFactory

from cosmediclist.consultations import services
from cosmediclist.consultations.models import Flag
from cosmediclist.consultations.tests.factories import clear, submit

WEDNESDAY = datetime(2031, 3, 5, 12, 0, tzinfo=UTC)
NOTHING = [
    services.Answer(key, False)
    for key in (
        "pregnancy-breastfeeding",
        "anticoagulants-bleeding-disorder",
        "recent-vaccination-or-antibiotics",
    )
]


def week_page(user: Any) -> str:
    """The page as the user sees it on WEDNESDAY (signed in then, so the session is fresh)."""
    with time_machine.travel(WEDNESDAY, tick=False):
        client = Client()
        client.force_login(user)
        return client.get("/portal/plans/this-week/").content.decode()


def nav_of(html: str) -> str:
    start = html.index('aria-label="Clinic portal"')
    return html[start : html.index("</nav>", start)]


def test_every_portal_page_leads_to_the_inbox_the_listing_and_this_weeks_plans(
    staff_client: Client, consultation: Any, clinic: Any
) -> None:
    pages = [
        "/portal/",
        "/portal/inbox/",
        f"/portal/inbox/{consultation.reference}/",
        f"/portal/inbox/{consultation.reference}/plan/",
        "/portal/plans/this-week/",
        f"/portal/clinics/{clinic.slug}/",
        f"/portal/clinics/{clinic.slug}/hours/",
        f"/portal/clinics/{clinic.slug}/practitioners/",
        f"/portal/clinics/{clinic.slug}/offers/",
        f"/portal/clinics/{clinic.slug}/photos/",
        f"/portal/clinics/{clinic.slug}/team/",
    ]
    for path in pages:
        response = staff_client.get(path)
        assert response.status_code == 200, path
        nav = nav_of(response.content.decode())
        for target in ('href="/portal/inbox/"', 'href="/portal/"', 'href="/portal/plans/this-week/"'):
            assert target in nav, (path, target)


def test_the_inbox_link_counts_new_and_flagged_requests_of_the_staff_members_clinics(
    staff_client: Client, consultation: Any, clinic: Any, treatment: Any, other_clinic: Any
) -> None:
    assert consultation.flag != Flag.NONE
    assert submit(clinic, treatment, token="token-plain-000000000", answers=NOTHING).flag == Flag.NONE
    submit(other_clinic, treatment, token="token-other-000000000")  # another clinic's: not counted
    nav = nav_of(staff_client.get("/portal/").content.decode())
    assert "(2 new, 1 flagged)" in nav


def test_the_nav_costs_one_query(
    clinic_staff: Any, consultation: Any, django_assert_num_queries: Any
) -> None:
    request = RequestFactory().get("/portal/")
    request.user = clinic_staff
    template = Template("{% load portal_tags %}{% portal_nav %}")
    with django_assert_num_queries(1):
        html = template.render(Context({"request": request}))
    assert "(1 new, 1 flagged)" in html


def record(consultation: Any, staff: Any, treatment: Any, clinician: Any) -> Any:
    clear(consultation, clinician)  # the fixture's request is flagged: a clinician clears it first
    starts = [WEDNESDAY - timedelta(days=1), WEDNESDAY + timedelta(days=1), WEDNESDAY + timedelta(days=7)]
    return services.record_plan(
        actor=staff, request=consultation, treatment=treatment, starts=starts, duration_minutes=45
    )


def test_this_weeks_plans_list_the_sessions_from_monday_to_sunday_only(
    staff_client: Client, consultation: Any, clinic_staff: Any, treatment: Any, clinician: Any
) -> None:
    with time_machine.travel(WEDNESDAY - timedelta(days=30), tick=False):
        record(consultation, clinic_staff, treatment, clinician)
    html = week_page(clinic_staff)
    assert "Tuesday 4 March, 12:00" in html and "Thursday 6 March, 12:00" in html
    assert "12 March" not in html
    assert html.count(f'href="/portal/inbox/{consultation.reference}/"') == 2


def test_this_weeks_page_costs_the_same_queries_however_many_sessions(
    staff_client: Client,
    consultation: Any,
    clinic: Any,
    clinic_staff: Any,
    treatment: Any,
    clinician: Any,
    django_assert_num_queries: Any,
) -> None:
    with time_machine.travel(WEDNESDAY - timedelta(days=30), tick=False):
        record(consultation, clinic_staff, treatment, clinician)
        record(submit(clinic, treatment, token="token-second-0000000"), clinic_staff, treatment, clinician)
    with time_machine.travel(WEDNESDAY, tick=False):
        client = Client()
        client.force_login(clinic_staff)
        with django_assert_num_queries(4):
            html = client.get("/portal/plans/this-week/").content.decode()
    assert html.count("<time ") == 4


def test_other_clinic_staff_see_none_of_these_sessions(
    consultation: Any,
    clinic_staff: Any,
    other_clinic_staff: Any,
    other_clinic: Any,
    treatment: Any,
    clinician: Any,
) -> None:
    with time_machine.travel(WEDNESDAY - timedelta(days=30), tick=False):
        record(consultation, clinic_staff, treatment, clinician)
    html = week_page(other_clinic_staff)
    assert consultation.reference not in html and "No sessions are booked this week." in html


def test_signed_out_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get("/portal/plans/this-week/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
