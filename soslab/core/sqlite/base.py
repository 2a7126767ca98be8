"""Django's SQLite backend with `PRAGMA optimize` at open and before close (see __init__.py)."""

import contextlib
import sqlite3

from django.db.backends.sqlite3 import base

OPTIMIZE_AT_OPEN = sqlite3.sqlite_version_info >= (3, 46, 0)
# Rows ANALYZE samples per index when `optimize` decides a table needs it: bounded work at the end
# of a request, statistics still good enough for the planner (SQLite suggests a few hundred to 1000).
ANALYSIS_LIMIT = 1000


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if OPTIMIZE_AT_OPEN:
            connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            connection.execute("PRAGMA optimize=0x10002")
        return connection

    def _close(self):
        if self.connection is not None and not self.in_atomic_block:
            # A busy or read-only database keeps its old statistics; a close never fails on it,
            # and never waits long for the write lock an ANALYZE needs (the connection is going).
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA busy_timeout=100")
                self.connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
                self.connection.execute("PRAGMA optimize")
        super()._close()
