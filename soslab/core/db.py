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


STATEMENT_CHARS = 3500  # psycopg caches the parse of queries up to 4,096 characters


def bulk_upsert(model, *, fields, rows, unique_fields, using=DEFAULT_DB_ALIAS, batch_size=2000):
    """INSERT rows (tuples of database-ready values, in `fields` order), updating the other fields
    of a row that already exists with the same `unique_fields`: multi-row
    `INSERT ... VALUES (...), (...) ON CONFLICT (...) DO UPDATE` statements (SQLite and
    PostgreSQL), a few dozen rows per statement, executed in batches.

    The same result as `bulk_create(update_conflicts=True)`, without building a model instance
    and compiling a placeholder per value: 61,320 air readings take about 1 s instead of about 9.
    Rows repeating a key keep the last one (PostgreSQL refuses to update a row twice in one
    statement). Values must already be what the column stores (`field.get_db_prep_save`, or
    `connection.ops.adapt_datetimefield_value` for datetimes); the caller runs it in a transaction.
    Returns the number of rows written."""
    connection = connections[using]
    quote = connection.ops.quote_name
    model_fields = [model._meta.get_field(name) for name in fields]
    columns = [field.column for field in model_fields]
    unique = {model._meta.get_field(name).column for name in unique_fields}
    key_at = [index for index, column in enumerate(columns) if column in unique]
    rows = list({tuple(row[i] for i in key_at): row for row in rows}.values())
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns if c not in unique)
    # Only quoted model metadata is interpolated; every value is a parameter.
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
    tail = f" ON CONFLICT ({', '.join(quote(c) for c in sorted(unique))}) DO UPDATE SET {updates}"
    one_row = f"({', '.join(['%s'] * len(columns))})"
    # Rows per statement: as many as keep the SQL short enough for the driver to cache its parse
    # (psycopg re-parses longer queries on every call: 2,000-row statements were 4x slower on
    # PostgreSQL than one row at a time), within the database's parameter limit.
    per_statement = max(
        1,
        min(
            batch_size,
            STATEMENT_CHARS // (len(one_row) + 2),
            connection.ops.bulk_batch_size(model_fields, rows) or 1,
        ),
    )

    def statement(count):
        return head + "VALUES " + ", ".join([one_row] * count) + tail  # noqa: S608

    def params(batch):
        return [value for row in batch for value in row]

    full = len(rows) - len(rows) % per_statement
    with connection.cursor() as cursor:
        for start in range(0, full, batch_size * per_statement):
            stop = min(full, start + batch_size * per_statement)
            cursor.executemany(
                statement(per_statement),
                [params(rows[at : at + per_statement]) for at in range(start, stop, per_statement)],
            )
        if full < len(rows):
            cursor.execute(statement(len(rows) - full), params(rows[full:]))
    return len(rows)
