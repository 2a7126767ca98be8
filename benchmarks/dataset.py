"""Builds the benchmark dataset of BENCH_SCALE (sizes in benchmarks.data) once and reuses it.

    .venv/bin/python -m benchmarks.dataset          # build (or reuse) the current scale's dataset

A marker table (`bench_dataset`) holds the dataset's version: DATA_VERSION, the scale and a hash
of the applied migrations. When it matches, `ensure()` returns at once; otherwise the benchmark
database is dropped and rebuilt from scratch (SQLite: the file; PostgreSQL: the database), so a
schema change or a new generator never mixes with old rows. Rows go in with bulk inserts (COPY on
PostgreSQL, executemany on SQLite) behind a progress bar; the run ends with ANALYZE.
"""

import hashlib
import json
import os
import random
import sys
import time

from tqdm import tqdm

from benchmarks import builders
from benchmarks.data import SCALE, SIZE

DATA_VERSION = "city-scale-4"
MARKER = "bench_dataset"


def progress(total, label):
    return tqdm(
        total=total,
        desc=f"    {label}",
        unit=" rows",
        unit_scale=True,
        mininterval=1.0,
        file=sys.stderr,
        disable=total < 2_000,
    )


def bulk_insert(model, columns, rows, *, total, label, batch=10_000):
    """Insert `rows` (tuples in `columns` order, already in database form) into model's table:
    COPY on PostgreSQL, executemany in batches on SQLite."""
    from django.db import connection, transaction

    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with progress(total, label) as bar, transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    bar.update(1)
            return
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - model names
        chunk = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                cursor.executemany(sql, chunk)
                bar.update(len(chunk))
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
            bar.update(len(chunk))


def db_datetime(moment):
    """A datetime as the database stores it (raw inserts skip the ORM's conversion)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return moment
    return connection.ops.adapt_datetimefield_value(moment)


# --- The marker ----------------------------------------------------------------------------------


def version():
    from django.db.migrations.recorder import MigrationRecorder

    applied = sorted(MigrationRecorder.Migration.objects.values_list("app", "name"))
    digest = hashlib.sha256(repr(applied).encode()).hexdigest()[:16]
    return f"{DATA_VERSION}:{SCALE}:{digest}"


def _marker_row():
    from django.db import DatabaseError, connection, transaction

    if MARKER not in connection.introspection.table_names():
        return None
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT version, facts FROM {MARKER}")  # noqa: S608 - a constant
            return cursor.fetchone()
    except DatabaseError:  # a marker from an older harness: rebuild
        return ("", "{}")


def marker_read():
    row = _marker_row()
    return row[0] if row else None


def facts():
    """What the benchmarks need to know about the built dataset: the big problem's id, the
    results round's URL, the largest hotspot's id."""
    row = _marker_row()
    return json.loads(row[1]) if row else {}


def marker_write(value, data):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER} (version varchar(200) NOT NULL, facts text)"
        )
        cursor.execute(f"DELETE FROM {MARKER}")  # noqa: S608 - a constant name
        cursor.execute(
            f"INSERT INTO {MARKER} (version, facts) VALUES (%s, %s)",  # noqa: S608
            [value, json.dumps(data)],
        )


# --- The database --------------------------------------------------------------------------------


def _postgres_admin(sql):
    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    params = {
        "host": database.get("HOST") or "127.0.0.1",
        "port": database.get("PORT") or 5432,
        "user": database.get("USER") or "postgres",
        "dbname": "postgres",
    }
    if database.get("PASSWORD"):
        params["password"] = database["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as connection:
        cursor = connection.execute(sql, prepare=False)
        return cursor.fetchall() if cursor.description else None


def database_create_if_missing():
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    exists = _postgres_admin(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")  # noqa: S608
    if not exists:
        _postgres_admin(f'CREATE DATABASE "{name}"')


def database_reset():
    """Drop the benchmark database (only ever the bench settings' own) and start empty."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    connection.close()
    if connection.vendor == "postgresql":
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _postgres_admin(f'CREATE DATABASE "{name}"')
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = f"{name}{suffix}"
        if os.path.exists(path):
            os.remove(path)


def ensure(*, quiet=False):
    """The dataset of BENCH_SCALE, built unless the marker says it is there already."""
    from django.core.management import call_command

    database_create_if_missing()
    call_command("migrate", verbosity=0)
    if marker_read() == version():
        return False
    if marker_read() is not None or _has_rows():
        if not quiet:
            print("    the dataset is out of date: rebuilding from scratch", flush=True)  # noqa: T201
        database_reset()
        call_command("migrate", verbosity=0)
    started = time.perf_counter()
    marker_write(version(), build())
    print(  # noqa: T201
        f"    built the {SCALE} dataset ({SIZE['problems']:,} problems) in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return True


def _has_rows():
    from soslab.problems.models import Problem

    return Problem.objects.exists()


def build():
    from soslab.core.db import planner_statistics_refresh

    rng = random.Random(13)  # noqa: S311 - synthetic data, the same every build
    steps = (
        ("users", builders.users),
        ("problems", builders.problems),
        ("supports", builders.supports),
        ("comments", builders.comments),
        ("round", builders.results_round),
        ("hotspots", builders.hotspots),
        ("open-data files", builders.opendata_files),
    )
    state = {"rng": rng}
    for label, step in steps:
        started = time.perf_counter()
        step(state)
        print(f"    {label}: {time.perf_counter() - started:.1f} s", flush=True)  # noqa: T201
    planner_statistics_refresh()
    return builders.facts(state)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soslab.settings.bench")
    import django

    django.setup()
    if "--facts" in sys.argv:
        print(json.dumps(facts()))  # noqa: T201 - read by benchmarks.bench_http
    else:
        ensure()
