"""Re-encrypt every stored health value with the newest key in FIELD_ENCRYPTION_KEYS."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cosmediclist.consultations.crypto import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt questionnaire answers and health notes with the first key of FIELD_ENCRYPTION_KEYS. "
        "Put the new key first, keep the old ones after it, run this, then drop the old keys."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for label, count in rotate_all().items():
            self.stdout.write(f"{label}: {count} rows re-encrypted")
