"""Restore a backup made by `manage.py backup` into the configured, empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from cosmediclist.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore BACKUP into the configured database, which must be empty (no tables)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path)

    def handle(self, *args: Any, backup: Path, **options: Any) -> None:
        connection.close()  # SQLite: let the restore write the file without this process holding it
        try:
            restore(backup, connection.settings_dict)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {backup} into {connection.settings_dict['NAME']}.")
        self.stdout.write("Run `manage.py migrate` if this code is newer than the backup.")
