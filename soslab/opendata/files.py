"""The open-data downloads as files, rebuilt in the background after changes.

Streaming 100,000 rows on every request costs seconds; a file costs a `sendfile`. So:

- `files_build()` writes problems.csv and problems.geojson into MEDIA_ROOT/private/opendata/ in
  one pass over the public problems (the CSV through soslab.core.csv's writer, the GeoJSON
  through the same feature writer as the streamed download), each to a temporary file renamed over the old one (a reader never sees a half
  file), then a small `built.json` saying when the pass started.
- Every committed save or delete of a problem (signals in apps.py) calls `files_schedule()`: it
  touches the `changed` marker at once and queues `soslab.opendata.tasks.build_files` through the
  outbox, debounced: however many changes arrive within SOSLAB_OPENDATA_DEBOUNCE_SECONDS, one
  build runs at the end of that window (the task clears the debounce key before it reads, so a
  change during a build queues the next one). Beat rebuilds every hour too (fresh counters).
- `fresh_path(kind)` is the file only while no change happened since its build started. While
  there is no file yet, or a change is waiting for its rebuild, the views stream the rows from
  the database as before, so a hidden problem is never served from an old file and a new one
  appears at once.

SOSLAB_OPENDATA_FILES = False (the test settings) turns all of it off: the views always stream.
"""

import json
import os
import time
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.core.cache import cache

from soslab.core.csv import BOM, CsvWriter
from soslab.core.outbox import enqueue

from .rows import FIELDS, GEOJSON_CLOSING, geojson_feature, geojson_opening, public_rows

NAMES = {"csv": "problems.csv", "geojson": "problems.geojson"}
SCHEDULED_KEY = "opendata:files-scheduled"
TASK = "soslab.opendata.tasks.build_files"


def enabled():
    return getattr(settings, "SOSLAB_OPENDATA_FILES", True)


def folder():
    return Path(settings.PRIVATE_MEDIA_ROOT) / "opendata"


def _changed_at():
    try:
        return (folder() / "changed").stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _built_at():
    try:
        return json.loads((folder() / "built.json").read_text())["started"]
    except (FileNotFoundError, ValueError, KeyError):
        return None


def fresh_path(kind):
    """The file of `kind` ("csv" or "geojson") when it is there and no change happened since its
    build started; None otherwise (the caller streams from the database)."""
    if not enabled():
        return None
    built = _built_at()
    path = folder() / NAMES[kind]
    if built is None or built <= _changed_at() or not path.exists():
        return None
    return path


def _temporary(path):
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def files_build():
    """Write both files from the public problems now, in one pass over the rows (never all in
    memory); returns the number of rows."""
    folder().mkdir(parents=True, exist_ok=True)
    started, count = time.time(), 0
    paths = {kind: folder() / name for kind, name in NAMES.items()}
    writer = CsvWriter()
    with (
        open(_temporary(paths["csv"]), "w", encoding="utf-8", newline="") as csv_file,
        open(_temporary(paths["geojson"]), "w", encoding="utf-8") as geojson_file,
    ):
        csv_file.write(BOM + writer.row(FIELDS))
        geojson_file.write(geojson_opening())
        for row in public_rows(settings.SITE_URL.rstrip("/")):
            csv_file.write(writer.row([row[field] for field in FIELDS]))
            geojson_file.write(("," if count else "") + geojson_feature(row))
            count += 1
        geojson_file.write(GEOJSON_CLOSING)
    for path in paths.values():
        os.replace(_temporary(path), path)  # atomic: a reader has the old file or the new one
    built = folder() / "built.json"
    built.with_name(".built.json.tmp").write_text(json.dumps({"started": started, "rows": count}))
    os.replace(built.with_name(".built.json.tmp"), built)
    return count


def mark_changed():
    """Public problems changed: the files are stale until the next build."""
    folder().mkdir(parents=True, exist_ok=True)
    marker = folder() / "changed"
    marker.touch()
    os.utime(marker)


def _eager():
    return bool(current_app.conf.task_always_eager)


def files_schedule():
    """After a committed change: mark the files stale and queue one debounced rebuild."""
    if not enabled():
        return False
    mark_changed()
    delay = getattr(settings, "SOSLAB_OPENDATA_DEBOUNCE_SECONDS", 60)
    if _eager():
        enqueue(TASK)  # in-process: at once, no debounce window to lose changes in
        return True
    if cache.add(SCHEDULED_KEY, 1, timeout=delay):
        enqueue(TASK, countdown=delay)
        return True
    return False
