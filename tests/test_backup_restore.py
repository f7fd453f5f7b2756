"""`manage.py backup` and `manage.py restore` (make backup / make restore) on the database in use.

The demo data is backed up, restored into a new empty database, and the two are compared table by
table: equal row counts, equal checksums of sampled rows, and encrypted health answers that still
decrypt with the configured keys. Runs on SQLite (`make test`) and PostgreSQL (`make test-pg`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Field

from cosmediclist.consultations.crypto import decrypt, encrypted_fields

SAMPLE = 25  # rows per table whose contents are compared by checksum


def table_figures(rows_of: Any, tables: list[str]) -> dict[str, tuple[int, str]]:
    """For each table: its row count and a checksum of its first SAMPLE rows in a stable order."""
    figures = {}
    for table in tables:
        rows = rows_of(table)
        digest = hashlib.sha256(repr(sorted(map(repr, rows))[:SAMPLE]).encode()).hexdigest()
        figures[table] = (len(rows), digest)
    return figures


def rows_sql(table: str) -> str:
    """Every row of a table; on PostgreSQL as the row's own text form (time zone fixed to UTC)."""
    quoted = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        return f"SELECT t::text FROM {quoted} AS t"  # noqa: S608  # safe-sql: catalogue name
    return f"SELECT * FROM {quoted}"  # noqa: S608  # safe-sql: catalogue name


def source_rows(table: str) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(rows_sql(table))  # safe-sql: see rows_sql
        return [tuple(_plain(value) for value in row) for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    """One representation for both drivers (memoryview and bytes, for instance)."""
    return bytes(value) if isinstance(value, memoryview) else value


@pytest.fixture
def restored_target(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """Settings of a new, empty database of the same kind as the one under test."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
        yield settings_dict
        return
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = _pg_connect(settings_dict, "postgres")
    admin.execute(f'CREATE DATABASE "{name}"')  # safe-sql: a name made of hex digits above
    settings_dict["NAME"] = name
    try:
        yield settings_dict
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # safe-sql: a name made of hex digits
        admin.close()


def _pg_connect(settings_dict: dict[str, Any], name: str) -> psycopg.Connection[Any]:
    return psycopg.connect(
        options="-c TimeZone=UTC",
        dbname=name,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        autocommit=True,
    )


def target_reader(settings_dict: dict[str, Any]) -> Any:
    if connection.vendor == "sqlite":
        # The same converters as Django's own connection (dates, times, booleans, decimals).
        lite = sqlite3.connect(
            settings_dict["NAME"], detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        )
        return lambda sql: lite.execute(sql).fetchall()
    postgres = _pg_connect(settings_dict, settings_dict["NAME"])
    return lambda sql: postgres.execute(sql).fetchall()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_is_the_same_database(
    tmp_path: Path, restored_target: dict[str, Any]
) -> None:
    call_command("load_demo_data", quiet_logins=True, stdout=StringIO())
    backup_file = tmp_path / "site.backup"
    out = StringIO()
    call_command("backup", output=backup_file, stdout=out)
    assert "Backup written to" in out.getvalue()

    from cosmediclist.core.backup import restore

    restore(backup_file, restored_target)

    tables = connection.introspection.table_names()
    read = target_reader(restored_target)
    quote = connection.ops.quote_name
    before = table_figures(source_rows, tables)
    after = table_figures(
        lambda table: [tuple(_plain(v) for v in row) for row in read(rows_sql(table))],
        tables,
    )
    assert len(tables) > 50
    assert sum(count for count, _ in before.values()) > 500  # the demo data, not an empty shell
    assert after == before

    decrypted = 0
    for model, names in encrypted_fields():
        table = model._meta.db_table
        for name in names:
            field = model._meta.get_field(name)
            assert isinstance(field, Field)
            column = quote(field.get_attname_column()[1] or name)
            stored = read(f"SELECT {column} FROM {quote(table)} ORDER BY 1")  # noqa: S608  # safe-sql: catalogue names
            expected = sorted(model._default_manager.values_list(name, flat=True))
            assert sorted(decrypt(value) for (value,) in stored) == expected
            decrypted += sum(1 for (value,) in stored if value)
    assert decrypted > 0  # the demo requests' answers were really there to decrypt


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    backup_file = tmp_path / "site.backup"
    call_command("backup", output=backup_file, stdout=StringIO())
    with pytest.raises(CommandError, match="restore into an empty database"):
        call_command("restore", backup_file, stdout=StringIO())
    assert connection.introspection.table_names()  # the database in use is untouched


def test_restore_says_when_the_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no backup file"):
        call_command("restore", tmp_path / "nothing-here.backup", stdout=StringIO())
