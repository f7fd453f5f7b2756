"""Recompute every clinic's stored response time (after changing the formula, or a long stop)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cosmediclist.consultations.services import refresh_response_times


class Command(BaseCommand):
    help = (
        "Recompute Clinic.median_response_hours for every clinic with a figure or a request in the last "
        "12 months. The every-minute runner already keeps them current; run this after changing the "
        "formula or after the runner was stopped for more than a day."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        changed = refresh_response_times()
        self.stdout.write(f"{changed} clinic response time{'s' if changed != 1 else ''} updated")
