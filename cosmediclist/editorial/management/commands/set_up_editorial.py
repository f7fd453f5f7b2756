"""Create the guides section, the editors' permissions and the "Medical review" workflow."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cosmediclist.editorial.services import set_up_editorial


class Command(BaseCommand):
    help = "Set up /guides/, group permissions and the Medical review workflow. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        index = set_up_editorial()
        self.stdout.write(self.style.SUCCESS(f"Guides index at {index.url}; Medical review workflow ready."))
