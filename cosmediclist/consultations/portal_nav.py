"""The clinic portal's own navigation and the "this week" plans page: what staff need to find their work."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cosmediclist.consultations.access import requests_for_staff, sessions_for_staff
from cosmediclist.consultations.models import Flag, PlannedSession, SessionStatus, Status

# A flag still needs attention while the request is open: new, contacted or booked.
OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.BOOKED)


def inbox_counts(user: Any) -> dict[str, int]:
    """New requests, and open requests with any flag, for the clinics the user works for: one query."""
    counts = requests_for_staff(user).aggregate(
        new=Count("pk", filter=Q(status=Status.NEW)),
        flagged=Count("pk", filter=Q(status__in=OPEN_STATUSES) & ~Q(flag=Flag.NONE)),
    )
    return {"new": counts["new"] or 0, "flagged": counts["flagged"] or 0}


def this_week() -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00, in the site's time zone."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, start + timedelta(days=7)


def sessions_this_week(user: Any) -> QuerySet[PlannedSession]:
    start, end = this_week()
    return (
        sessions_for_staff(user)
        .filter(starts_at__gte=start, starts_at__lt=end, status=SessionStatus.SCHEDULED)
        .select_related("plan__treatment", "plan__request__clinic")
        .order_by("starts_at", "pk")
    )


@login_required
@require_GET
def week(request: HttpRequest) -> HttpResponse:
    """Sessions of the user's clinics' plans this week, in time order, each linked to its request."""
    start, end = this_week()
    rows = [
        {"session": s, "local": timezone.localtime(s.starts_at, s.plan.zone)}
        for s in sessions_this_week(request.user)
    ]
    context = {"rows": rows, "week_start": start, "week_end": end - timedelta(days=1)}
    return render(request, "consultations/portal/week.html", context)
