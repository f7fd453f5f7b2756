"""Write a backup of the database (SQLite's backup API or pg_dump) to a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from cosmediclist.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database to --output (default: backups/cosmediclist-<time>.<sqlite3|pgdump>)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, default=None)

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        if output is None:
            stamp = datetime.now(tz=UTC).strftime("%Y%m%d-%H%M%S")
            suffix = "sqlite3" if connection.vendor == "sqlite" else "pgdump"
            output = Path("backups") / f"cosmediclist-{stamp}.{suffix}"
        try:
            written = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {written} ({written.stat().st_size:,} bytes).")
        self.stdout.write("Keep SECRET_KEY, FIELD_ENCRYPTION_KEYS and the media folder apart from it.")
