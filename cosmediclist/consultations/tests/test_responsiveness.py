"""The median time to first response, by the published formula: stored, shown and sorted by."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import time_machine
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest, Status
from cosmediclist.consultations.responsiveness import median_first_response
from cosmediclist.consultations.tests.factories import submit
from cosmediclist.core.periodic import run_due
from cosmediclist.directory.models import Clinic
from cosmediclist.directory.tests.factories import clinic_offering


def _hours(clinic: Clinic) -> float | None:
    clinic.refresh_from_db(fields=["median_response_hours"])
    return clinic.median_response_hours


def test_the_median_counts_unanswered_requests_with_their_wait_so_far(
    clinic, treatment, clinic_staff
) -> None:
    start = timezone.now()
    made = []
    for n in range(3):
        with time_machine.travel(start + timedelta(minutes=n), tick=False):
            made.append(submit(clinic, treatment, token=f"median-token-00000{n}"))
    assert median_first_response(clinic.pk) is not None
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        services.move_request(actor=clinic_staff, request=made[0], to_status=Status.CONTACTED)
    with time_machine.travel(start + timedelta(hours=4), tick=False):
        services.move_request(actor=clinic_staff, request=made[1], to_status=Status.CONTACTED)
    with time_machine.travel(start + timedelta(hours=10), tick=False):
        # waits: 2h, about 4h, and about 10h for the one still waiting: the median is about 4 hours
        wait = median_first_response(clinic.pk)
        assert wait is not None and timedelta(hours=3, minutes=58) <= wait <= timedelta(hours=4)
        _hours(clinic)
        html = Template("{% load consultation_tags %}{% response_time clinic %}").render(
            Context({"clinic": clinic})
        )
    assert "Usually within 4 hours" in html and "/consultations/response-times/" in html


def test_a_first_response_stores_the_figure_and_the_runner_keeps_a_waiting_clinic_current(
    clinic, treatment, clinic_staff
) -> None:
    start = timezone.now()
    made = []
    for n in range(3):
        with time_machine.travel(start + timedelta(minutes=n), tick=False):
            made.append(submit(clinic, treatment, token=f"runner-token-00000{n}"))
    assert _hours(clinic) is None  # nobody has answered: nothing stored yet
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        services.move_request(actor=clinic_staff, request=made[0], to_status=Status.CONTACTED)
    # waits 1h, 59 min and 58 min so far: stored at the first response
    assert _hours(clinic) == 0.98
    with time_machine.travel(start + timedelta(hours=1, minutes=30), tick=False):
        services.move_request(actor=clinic_staff, request=made[0], to_status=Status.CLOSED)
    assert _hours(clinic) == 0.98  # not its first response: left alone
    with time_machine.travel(start + timedelta(hours=30), tick=False):
        run_due()
        assert _hours(clinic) == 29.97  # two requests still waiting: their waits grew
        run_due()
        assert _hours(clinic) == 29.97


def test_the_command_recomputes_every_clinic_and_a_year_later_the_figure_goes(
    clinic, treatment, clinic_staff
) -> None:
    start = timezone.now()
    for n in range(3):
        with time_machine.travel(start + timedelta(minutes=n), tick=False):
            made = submit(clinic, treatment, token=f"command-token-0000{n}")
        with time_machine.travel(start + timedelta(hours=2 + n), tick=False):
            services.move_request(actor=clinic_staff, request=made, to_status=Status.CONTACTED)
    Clinic.objects.filter(pk=clinic.pk).update(median_response_hours=None)
    out = StringIO()
    call_command("refresh_response_times", stdout=out)
    assert "1 clinic response time updated" in out.getvalue()
    assert _hours(clinic) == 2.98  # waits 2h, 2h59 and 3h58
    with time_machine.travel(start + timedelta(days=366), tick=False):
        run_due()  # the requests left the window yesterday
    assert _hours(clinic) is None


def test_too_few_requests_show_no_figure(clinic, treatment) -> None:
    submit(clinic, treatment)
    assert median_first_response(clinic.pk) is None
    html = Template("{% load consultation_tags %}{% response_time clinic %}").render(
        Context({"clinic": clinic})
    )
    assert "Not enough requests yet" in html


def test_the_clinic_profile_shows_the_response_time_linked_to_the_formula(client: Client, clinic) -> None:
    Clinic.objects.filter(pk=clinic.pk).update(median_response_hours=5.2)
    html = client.get(clinic.get_absolute_url()).content.decode()
    assert "Response time: Usually within 5 hours" in html
    assert 'href="/consultations/response-times/"' in html
    assert client.get("/consultations/response-times/").status_code == 200


def test_sorting_by_response_time_puts_the_fastest_first_and_clinics_without_a_figure_last(
    client: Client, treatment
) -> None:
    for name, hours in [("Slow Skin", 50.0), ("Unknown Skin", None), ("Quick Skin", 1.5), ("Mid Skin", 7.0)]:
        made = clinic_offering(treatment, name=name)
        Clinic.objects.filter(pk=made.pk).update(median_response_hours=hours)
    expected = ["Quick Skin", "Mid Skin", "Slow Skin", "Unknown Skin"]
    for query in ["?sort=response", "?sort=response&near=Manchester&radius=25&treatment=mesotherapy"]:
        response = client.get("/clinics/" + query)
        assert response.status_code == 200
        names = [c.name for c in response.context["results"].clinics]
        assert names == expected, query
        html = response.content.decode()
        assert "Sorted by response time" in html
        assert "Replies: usually within 2 hours" in html


def test_requests_to_another_clinic_do_not_move_this_clinics_figure(
    clinic, other_clinic, treatment, other_clinic_staff
) -> None:
    for n in range(3):
        made = submit(other_clinic, treatment, token=f"other-token-00000{n}")
        services.move_request(actor=other_clinic_staff, request=made, to_status=Status.CONTACTED)
    assert ConsultationRequest.objects.filter(clinic=other_clinic).count() == 3
    assert _hours(other_clinic) is not None
    assert _hours(clinic) is None
