"""Backup and restore of the whole database with the database's own tools.

SQLite: the online backup API of the sqlite3 module (a consistent copy while the site runs).
PostgreSQL: `pg_dump --format=custom` and `pg_restore`, from the PostgreSQL client programs.
Uploaded files (MEDIA_ROOT) and the keys (SECRET_KEY, FIELD_ENCRYPTION_KEYS) are not in the
database: keep them apart from the backups (without the field keys, health answers in a backup
cannot be read, which is the point).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # runs the PostgreSQL client programs with argument lists, no shell  # nosec B404
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    """The backup or restore could not be made; the message says why, for the operator."""


def backup(path: Path, *, alias: str = "default") -> Path:
    """Write a backup of database `alias` to `path` and return it."""
    connection = connections[alias]
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return path
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)],
            connection.settings_dict,
        )
        return path
    raise BackupError(f"backups of {connection.vendor} databases are not supported")


def restore(path: Path, settings_dict: dict[str, Any]) -> None:
    """Restore the backup at `path` into the empty database that `settings_dict` describes."""
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        target = str(settings_dict["NAME"])
        if _sqlite_has_tables(target):
            raise BackupError(f"{target} already holds tables: restore into an empty database")
        source = sqlite3.connect(path)
        destination = sqlite3.connect(target, uri=target.startswith("file:"))
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
        return
    if engine.endswith("postgresql"):
        if _postgres_has_tables(settings_dict):
            raise BackupError(f"{settings_dict['NAME']} already holds tables: restore into an empty database")
        _run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", str(path)],
            settings_dict,
            database_flag="--dbname",
        )
        return
    raise BackupError(f"restores into {engine} are not supported")


def _sqlite_has_tables(name: str) -> bool:
    """`name` is a file path, or a `file:` URI (the test suite's shared in-memory database)."""
    is_uri = name.startswith("file:")
    if not is_uri and (not Path(name).exists() or Path(name).stat().st_size == 0):
        return False
    db = sqlite3.connect(name, uri=is_uri)
    try:
        count: int = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    finally:
        db.close()
    return count > 0


def _postgres_has_tables(settings_dict: dict[str, Any]) -> bool:
    out = _run(
        [
            "psql",
            "--tuples-only",
            "--no-align",
            "--command",
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
        ],
        settings_dict,
        database_flag="--dbname",
    )
    return int(out.strip() or "0") > 0


def _run(command: list[str], settings_dict: dict[str, Any], *, database_flag: str = "--dbname") -> str:
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)")
    arguments = [program, *command[1:]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments += [flag, str(settings_dict[key])]
    arguments += [database_flag, settings_dict["NAME"]]
    environment = {**os.environ, "PGPASSWORD": str(settings_dict.get("PASSWORD") or "")}
    result = subprocess.run(arguments, env=environment, capture_output=True, text=True, check=False)  # noqa: S603  # argument list, no shell  # nosec B603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")
    return result.stdout
