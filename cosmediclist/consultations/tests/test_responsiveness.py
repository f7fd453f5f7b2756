"""The median time to first response, by the published formula."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.template import Context, Template
from django.utils import timezone

from cosmediclist.consultations import services
from cosmediclist.consultations.models import Status
from cosmediclist.consultations.responsiveness import median_first_response
from cosmediclist.consultations.tests.conftest import submit


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
        html = Template("{% load consultation_tags %}{% response_time clinic %}").render(
            Context({"clinic": clinic})
        )
    assert "Usually within 4 hours" in html and "/consultations/response-times/" in html


def test_too_few_requests_show_no_figure(clinic, treatment) -> None:
    submit(clinic, treatment)
    assert median_first_response(clinic.pk) is None
