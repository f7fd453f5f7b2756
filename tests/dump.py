"""A raw dump of the whole test database, to prove what is no longer in it."""

from __future__ import annotations

from django.db import connection


def raw_database_text() -> str:
    """Every row of every table as text: SQLite's own dump, or each PostgreSQL row cast to text."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    lines: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT t::text FROM {quoted} AS t")  # noqa: S608  # safe-sql: table names from the catalogue, quoted by the backend
            lines.extend(str(row[0]) for row in cursor.fetchall())
    return "\n".join(lines)
