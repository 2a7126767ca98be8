"""Versioned caching of rendered page fragments (anonymous and logged-in visitors alike).

A group of pages (e.g. "problems", every page that lists problems) has a version number stored in
the database (`CacheVersion`). Readers put the version in the cache key of what they render;
writers call `bump(name)` and the old entries are simply never read again (they expire by their
timeout). So a new problem, a support or a moderator's hide shows on the very next request, on
every worker and host, with the embedded default (a per-process locmem cache) as with Redis.

Why the version lives in the database and not in the cache: it is read in the same database
snapshot as the rows a miss renders, and `bump` runs after the writer's commit, so an entry stored
under version N never holds data older than the change that made N; and a per-process locmem
cache cannot share a counter between gunicorn workers. The read is one primary-key query.

Only what is the same for every visitor goes in an entry; per-user bits are rendered outside it.
"""

import hashlib

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from .models import CacheVersion

#: Safety net: an entry is dropped after this long even if no bump reached it.
TIMEOUT = 600


def current(name):
    """The version of the `name` group (1 before its first bump). One query."""
    version = CacheVersion.objects.filter(name=name).values_list("version", flat=True).first()
    return version or 1


def _bump_now(name):
    if CacheVersion.objects.filter(name=name).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            CacheVersion.objects.create(name=name, version=2)
    except IntegrityError:  # a concurrent first bump created it
        CacheVersion.objects.filter(name=name).update(version=F("version") + 1)


def _in_transaction(connection):
    """True inside a transaction the code opened (a test case's wrapping one does not count:
    it never commits, and code outside its own transaction.atomic runs as if autocommitting)."""
    return any(not block._from_testcase for block in connection.atomic_blocks)


def bump(name):
    """Make every cached fragment of `name` stale once the current transaction commits (at once
    outside a transaction; nothing if it rolls back). One UPDATE."""
    connection = transaction.get_connection()
    if _in_transaction(connection):
        transaction.on_commit(lambda: _bump_now(name))
    else:
        _bump_now(name)


def key(name, version, *parts):
    """A cache key for one fragment of `name` at `version`, from any strings (hashed)."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"page:{name}:{version}:{digest}"


def get_or_render(name, parts, render, *, version=None, timeout=TIMEOUT):
    """The cached value for (`name`'s current version, `parts`), or `render()` stored. Pass the
    `version` read once when a request looks up several entries."""
    cache_key = key(name, version or current(name), *parts)
    value = cache.get(cache_key)
    if value is None:
        value = render()
        cache.set(cache_key, value, timeout)
    return value
