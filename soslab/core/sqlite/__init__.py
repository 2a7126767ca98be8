"""The SQLite database backend of the embedded default: Django's, plus SQLite's own advice on
keeping planner statistics fresh (https://sqlite.org/lang_analyze.html, "PRAGMA optimize"):

- `PRAGMA optimize` just before a connection closes (Django closes SQLite connections at the end of
  every request, so they are the short-lived kind SQLite means); it re-analyzes only the tables this
  connection used whose size changed a lot since the last ANALYZE, so it is usually a no-op;
- `PRAGMA optimize=0x10002` when a connection opens, on SQLite 3.46+ (older versions ignore the
  0x10000 "check every table" bit, so it is skipped there).

Bulk writers additionally call `soslab.core.db.planner_statistics_refresh()` (a full ANALYZE).
Select it with ENGINE = "soslab.core.sqlite" (settings.base.SQLITE_ENGINE).
"""
