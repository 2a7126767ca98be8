"""Database upkeep shared by every command that writes many rows."""

from django.db import DEFAULT_DB_ALIAS, connections


def planner_statistics_refresh(*, using=DEFAULT_DB_ALIAS):
    """ANALYZE the whole database (SQLite or PostgreSQL) so the query planner knows the new table
    sizes and picks the right indexes. Call it after bulk loads: the demo loader, imports,
    reassign_dongs, benchmark data. Takes well under a second on the demo database."""
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
