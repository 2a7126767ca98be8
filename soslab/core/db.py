"""Database upkeep shared by every command that writes many rows."""

from django.db import DEFAULT_DB_ALIAS, connections


def planner_statistics_refresh(*, using=DEFAULT_DB_ALIAS):
    """ANALYZE the whole database (SQLite or PostgreSQL) so the query planner knows the new table
    sizes and picks the right indexes. Call it after bulk loads: the demo loader, imports,
    reassign_dongs, benchmark data. Takes well under a second on the demo database."""
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def table_statistics_refresh(model, *, using=DEFAULT_DB_ALIAS):
    """ANALYZE one model's table: after a bulk load that touched only it (an import), without
    the cost of analysing every table of a large database."""
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def bulk_upsert(model, *, fields, rows, unique_fields, using=DEFAULT_DB_ALIAS, batch_size=2000):
    """INSERT rows (tuples of database-ready values, in `fields` order), updating the other fields
    of a row that already exists with the same `unique_fields`: one
    `INSERT ... ON CONFLICT (...) DO UPDATE` (SQLite and PostgreSQL) executed for many rows.

    The same result as `bulk_create(update_conflicts=True)`, without building a model instance
    and compiling a placeholder per value: 61,320 air readings take about 1 s instead of about 9.
    Values must already be what the column stores (`field.get_db_prep_save`, or
    `connection.ops.adapt_datetimefield_value` for datetimes); the caller runs it in a transaction.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name).column for name in fields]
    unique = {model._meta.get_field(name).column for name in unique_fields}
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns if c not in unique)
    # Only quoted model metadata is interpolated; every value is a parameter.
    table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
    sql = (
        f"INSERT INTO {table} ({names}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(quote(c) for c in sorted(unique))}) DO UPDATE SET {updates}"
    )
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])
    return len(rows)
