"""Backups of the database and the uploaded files, and their restore (`make backup`, `make restore`).

A backup is one folder, `<BACKUP_DIR>/soslab-<UTC timestamp>/`, holding:

- `db.sqlite3` (SQLite, copied with SQLite's online backup API, so the site may keep running) or
  `db.dump` (PostgreSQL, `pg_dump --format=custom`, restored with `pg_restore`);
- `media/`, a copy of MEDIA_ROOT (photos, Wagtail images and documents);
- `manifest.json`: when, which engine, the applied migrations and the row count of every model.

A restore goes into an EMPTY database only (a fresh SQLite file or a new PostgreSQL database), unless
forced, and then checks the restored row counts against the manifest.
"""

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.recorder import MigrationRecorder
from tqdm import tqdm

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
SQLITE_FILE = "db.sqlite3"
PG_FILE = "db.dump"
MEDIA_DIR = "media"
SQLITE_PAGES_PER_STEP = 256


def _quiet(text):
    return None


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def row_counts(alias=DEFAULT_DB_ALIAS):
    """{"app_label.Model": rows} for every concrete table Django manages (many-to-many tables
    too) that exists in the database (an older backup may predate a model)."""
    tables = set(connections[alias].introspection.table_names())
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in tables:
            continue
        counts[meta.label] = model._base_manager.using(alias).count()
    return dict(sorted(counts.items()))


def applied_migrations(alias=DEFAULT_DB_ALIAS):
    """Sorted ["app.migration", ...] as recorded in the database's django_migrations table."""
    recorder = MigrationRecorder(connections[alias])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _database_kind(alias):
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {vendor}")
    return vendor


def _sqlite_path(alias):
    name = str(connections[alias].settings_dict["NAME"])
    if name in ("", ":memory:") or name.startswith("file:"):
        raise BackupError(f"the SQLite database {name!r} is not a file; nothing to back up")
    return Path(name)


def _pg_command(program, alias):
    """(argv, env) for pg_dump/pg_restore pointed at the configured PostgreSQL database."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (Debian: apt-get install postgresql-client)")
    config = connections[alias].settings_dict
    argv = [executable, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            argv += [flag, str(config[key])]
    env = dict(os.environ)
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = str(config["PASSWORD"])
    return argv, env, config["NAME"]


def _sqlite_copy(source, target, label):
    """Copy one SQLite database into another, page by page, with a progress bar on a terminal."""
    with tqdm(desc=label, unit="page", disable=None) as bar:

        def progress(status, remaining, total):
            bar.total = total
            bar.n = total - remaining
            bar.refresh()

        source.backup(target, pages=SQLITE_PAGES_PER_STEP, progress=progress)


def _copy_tree(source, target, label):
    """Copy every file under `source` into `target` (created), keeping relative paths."""
    files = [path for path in Path(source).rglob("*") if path.is_file()] if source.exists() else []
    size = 0
    for path in tqdm(files, desc=label, unit="file", disable=None):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        size += path.stat().st_size
    target.mkdir(parents=True, exist_ok=True)
    return len(files), size


def _database_dump(kind, alias, folder):
    """Copy the database into `folder`; return the file's name there."""
    if kind == "sqlite":
        source_path = _sqlite_path(alias)
        # A fresh read-only connection: the copy is of committed data, whatever this process
        # is doing; the site keeps writing meanwhile (the backup API restarts if it must).
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            _sqlite_copy(source, target, "database")
            # One self-contained file: no -wal beside it.
            target.execute("PRAGMA journal_mode=DELETE")
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError("the copied SQLite database fails PRAGMA quick_check")
        finally:
            target.close()
            source.close()
        return SQLITE_FILE
    argv, env, name = _pg_command("pg_dump", alias)
    argv += ["--format=custom", "--no-owner", "--file", str(folder / PG_FILE), name]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - fixed program, our arguments
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return PG_FILE


def backup_create(*, directory=None, alias=DEFAULT_DB_ALIAS, now=None, say=None):
    """Write a new backup folder (database, media, manifest) and return its path. `say(text)`
    receives one line per stage."""
    say = say or _quiet
    kind = _database_kind(alias)
    now = now or dt.datetime.now(dt.UTC)
    root = Path(directory or settings.BACKUP_DIR)
    folder = root / f"soslab-{now:%Y%m%dT%H%M%SZ}"
    if folder.exists():
        raise BackupError(f"{folder} already exists; wait a second and run the backup again")
    folder.mkdir(parents=True)
    try:
        say(f"==> database ({kind}) -> {folder}")
        database_file = _database_dump(kind, alias, folder)
        say(f"    {(folder / database_file).stat().st_size / 1e6:,.1f} MB")
        say(f"==> media ({settings.MEDIA_ROOT})")
        media_files, media_bytes = _copy_tree(
            Path(settings.MEDIA_ROOT), folder / MEDIA_DIR, "media"
        )
        say(f"    {media_files} files, {media_bytes / 1e6:,.1f} MB")
        say("==> manifest (row counts)")
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": now.isoformat(),
            "engine": kind,
            "database_file": database_file,
            "database_bytes": (folder / database_file).stat().st_size,
            "media_files": media_files,
            "media_bytes": media_bytes,
            "migrations": applied_migrations(alias),
            "row_counts": row_counts(alias),
        }
        (folder / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def read_manifest(folder):
    folder = Path(folder)
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} is not a backup folder (no {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BackupError(f"{path} is not valid JSON: {exc}") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path}: unknown backup format {manifest.get('format')!r}")
    if not (folder / manifest["database_file"]).is_file():
        raise BackupError(f"{folder} has no {manifest['database_file']}")
    return manifest


def _check_target_empty(kind, alias, media_root, *, force):
    """Refuse a database with tables or a MEDIA_ROOT with files, unless `force`."""
    connection = connections[alias]
    if kind == "sqlite":
        # A new file in a new folder; a failure is reported below.
        with contextlib.suppress(OSError):
            _sqlite_path(alias).parent.mkdir(parents=True, exist_ok=True)
    try:
        tables = connection.introspection.table_names()
    except DatabaseError as exc:
        raise BackupError(
            f"cannot open the target database {connection.settings_dict['NAME']}: {exc}; "
            "create it first (PostgreSQL: createdb NAME; SQLite: a writable folder)"
        ) from exc
    has_media = media_root.exists() and any(p.is_file() for p in media_root.rglob("*"))
    if not force:
        if tables:
            raise BackupError(
                f"the target database {connection.settings_dict['NAME']} already has "
                f"{len(tables)} tables; restore into an empty database "
                "(a new SQLite file or a new PostgreSQL database), or pass --force to overwrite it"
            )
        if has_media:
            raise BackupError(
                f"MEDIA_ROOT {media_root} already holds files; restore into an empty folder, "
                "or pass --force to overwrite them"
            )


def _database_load(kind, alias, folder, *, force):
    """Replace the configured database's contents with the backup's copy."""
    connection = connections[alias]
    if kind == "sqlite":
        target_path = _sqlite_path(alias)
        connection.close()
        source = sqlite3.connect(f"file:{folder / SQLITE_FILE}?mode=ro", uri=True)
        target = sqlite3.connect(target_path)
        try:
            _sqlite_copy(source, target, "database")
            # The file was copied in rollback-journal mode; the site runs SQLite in WAL.
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
            source.close()
    else:
        argv, env, name = _pg_command("pg_restore", alias)
        argv += ["--no-owner", "--exit-on-error", "--dbname", name]
        if force:
            argv += ["--clean", "--if-exists"]
        argv.append(str(folder / PG_FILE))
        connection.close()
        result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - fixed program, our arguments
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


def backup_restore(*, folder, force=False, alias=DEFAULT_DB_ALIAS, say=None):
    """Restore a backup folder into the configured database and MEDIA_ROOT. Refuses a database
    that already has tables (or a MEDIA_ROOT that has files) unless `force`. Returns the
    {model: (expected, restored)} rows whose counts differ (empty when the restore is exact)."""
    say = say or _quiet
    folder = Path(folder)
    manifest = read_manifest(folder)
    kind = _database_kind(alias)
    if manifest["engine"] != kind:
        raise BackupError(
            f"this backup is of a {manifest['engine']} database; the configured database is {kind}"
        )
    media_root = Path(settings.MEDIA_ROOT)
    _check_target_empty(kind, alias, media_root, force=force)
    say(f"==> database ({kind}) <- {folder / manifest['database_file']}")
    _database_load(kind, alias, folder, force=force)

    say(f"==> media -> {media_root}")
    _copy_tree(folder / MEDIA_DIR, media_root, "media")

    say("==> checking row counts against the manifest")
    restored = row_counts(alias)
    expected = manifest["row_counts"]
    unknown = sorted(set(expected) - set(restored))
    if unknown:
        # Tables of models this code does not have (a backup from other code): restored as they
        # were, but not counted here.
        say(f"    not checked (no such model in this code): {', '.join(unknown)}")
    return {
        label: (expected.get(label), count)
        for label, count in restored.items()
        if expected.get(label) != count
    }


def backup_prune(*, directory=None, keep_daily=14, keep_weekly=8):
    """Delete old backup folders, keeping the newest of each of the last `keep_daily` days and of
    each of the last `keep_weekly` ISO weeks that have a backup. Returns the deleted paths."""
    root = Path(directory or settings.BACKUP_DIR)
    dated = []
    for path in root.glob("soslab-*"):
        try:
            when = dt.datetime.strptime(path.name, "soslab-%Y%m%dT%H%M%SZ")
        except ValueError:
            continue  # not ours: never delete it
        if (path / MANIFEST).is_file():
            dated.append((when, path))
    dated.sort(reverse=True)
    keep, days, weeks = set(), set(), set()
    for when, path in dated:
        day, week = when.date(), when.isocalendar()[:2]
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(path)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(path)
    deleted = [path for _when, path in dated if path not in keep]
    for path in deleted:
        shutil.rmtree(path)
    return deleted
