"""`manage.py backup` and `manage.py restore` (make backup / make restore).

The backup is taken from the live test database (transactional tests, so the rows are committed and
a separate connection sees them). The restore runs as an operator runs it: `manage.py restore` in a
new process whose DATABASE_URL points at a fresh, empty database; the test database itself is never
overwritten.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from soslab.core.backup import row_counts
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory, SupportFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _content(dongs):
    problems = ProblemFactory.create_batch(3, dong=dongs["효자1동"])
    SupportFactory(problem=problems[0], user=UserFactory())
    problems[1].tags.add("어린이", "통학로")  # a generic relation and a tag row


def _backup(directory, media_root, settings):
    settings.MEDIA_ROOT = media_root
    (media_root / "problems").mkdir(parents=True)
    (media_root / "problems" / "photo.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    out = io.StringIO()
    call_command("backup", "--dir", str(directory), stdout=out, stderr=io.StringIO())
    return Path(out.getvalue().strip().splitlines()[-1])


def _restore_in_new_process(folder, database_url, media_root, *extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "soslab.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "restore", str(folder), *extra],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _counts(execute):
    """Rows per model in a restored database, read with a plain DB-API connection (not the code
    under test): `execute(sql)` returns a cursor."""
    from django.apps import apps

    return {
        model._meta.label: execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"').fetchone()[0]  # noqa: S608 - table names from our models
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _sqlite_counts(path):
    db = sqlite3.connect(path)
    try:
        return _counts(db.execute)
    finally:
        db.close()


def test_backup_prints_its_folder_last_and_writes_a_manifest(dongs, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup path (the PostgreSQL one is tested below)")
    _content(dongs)
    folder = _backup(tmp_path / "backups", tmp_path / "media", settings)

    assert folder.parent == tmp_path / "backups"
    assert folder.name.startswith("soslab-")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["engine"] == "sqlite"
    assert manifest["row_counts"]["problems.Problem"] == 3
    assert manifest["row_counts"]["geo.Dong"] == 35
    assert "problems.0001_initial" in manifest["migrations"]
    assert (folder / "db.sqlite3").is_file()
    assert not (folder / "db.sqlite3-wal").exists()
    assert (folder / "media" / "problems" / "photo.jpg").read_bytes().startswith(b"\xff\xd8")


def test_sqlite_backup_wipe_restore_gives_the_same_rows_in_every_model(dongs, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite round trip (the PostgreSQL one is tested below)")
    _content(dongs)
    before = row_counts()
    folder = _backup(tmp_path / "backups", tmp_path / "media", settings)

    target = tmp_path / "restored" / "db.sqlite3"  # the wiped server: an empty database file
    target.parent.mkdir()
    result = _restore_in_new_process(folder, f"sqlite:///{target}", tmp_path / "restored-media")

    assert result.returncode == 0, result.stderr
    assert "every row count matches" in result.stdout
    assert _sqlite_counts(target) == before
    assert (tmp_path / "restored-media" / "problems" / "photo.jpg").is_file()


def test_restore_refuses_a_database_that_has_tables(dongs, tmp_path, settings):
    folder = _backup(tmp_path / "backups", tmp_path / "media", settings)
    settings.MEDIA_ROOT = tmp_path / "empty-media"

    with pytest.raises(CommandError, match="already has .* tables.*--force"):
        call_command("restore", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    assert row_counts()["geo.Dong"] == 35  # untouched


def test_restore_with_force_overwrites_a_database_that_has_tables(dongs, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("uses a SQLite backup")
    _content(dongs)
    folder = _backup(tmp_path / "backups", tmp_path / "media", settings)
    target = tmp_path / "other.sqlite3"
    sqlite3.connect(target).execute("CREATE TABLE stale (id INTEGER)").connection.close()

    forced = _restore_in_new_process(folder, f"sqlite:///{target}", tmp_path / "m", "--force")

    assert forced.returncode == 0, forced.stderr
    assert _sqlite_counts(target)["problems.Problem"] == 3


def test_restore_says_clearly_when_the_target_database_cannot_be_opened(dongs, tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("uses a SQLite backup")
    folder = _backup(tmp_path / "backups", tmp_path / "media", settings)
    (tmp_path / "not-a-folder").write_text("a file where the database's folder should be")

    result = _restore_in_new_process(
        folder, f"sqlite:///{tmp_path}/not-a-folder/db.sqlite3", tmp_path / "m"
    )

    assert result.returncode != 0
    assert "cannot open the target database" in result.stderr
    assert "Traceback" not in result.stderr


def test_restore_rejects_a_folder_that_is_not_a_backup(db, tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.services
def test_postgres_backup_wipe_restore_gives_the_same_rows_in_every_model(
    postgres, dongs, tmp_path, settings
):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore are not installed (Debian: postgresql-client)")
    import psycopg

    _content(dongs)
    before = row_counts()
    folder = _backup(tmp_path / "backups", tmp_path / "media", settings)
    assert (folder / "db.dump").is_file()

    config = connection.settings_dict
    target = f"{config['NAME']}_restore"
    server = f"postgres://{config['USER']}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}"')  # the wiped server: a new, empty database
    try:
        result = _restore_in_new_process(folder, f"{server}/{target}", tmp_path / "restored-media")
        assert result.returncode == 0, result.stderr
        assert "every row count matches" in result.stdout
        with psycopg.connect(f"{server}/{target}") as restored:
            counts = _counts(restored.execute)
        assert counts == before
        assert (tmp_path / "restored-media" / "problems" / "photo.jpg").is_file()
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


def test_prune_keeps_the_newest_of_each_recent_day_and_week(tmp_path):
    from soslab.core.backup import backup_prune

    names = [
        "soslab-20260302T031500Z",  # Mon, week 10
        "soslab-20260302T120000Z",  # same day, newer
        "soslab-20260301T031500Z",  # Sun, week 9
        "soslab-20260222T031500Z",  # Sun, week 8
        "soslab-20260215T031500Z",  # Sun, week 7: beyond the weeks kept
    ]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "manifest.json").write_text("{}")
    (tmp_path / "soslab-notes").mkdir()  # not a backup: left alone

    deleted = backup_prune(directory=tmp_path, keep_daily=2, keep_weekly=3)

    assert sorted(path.name for path in deleted) == [
        "soslab-20260215T031500Z",
        "soslab-20260302T031500Z",
    ]
    assert (tmp_path / "soslab-notes").is_dir()
