"""Fixtures for every test: people in each role, the Jeonju dongs, and service probes.

Tests never depend on the demo content in fixtures/ (the boundary files there are reference data,
loaded by geo.services.dongs_sync, the same function production uses).
"""

import os
import socket
from urllib.parse import urlparse

import pytest
from django.core.cache import cache

from tests.factories import ModeratorFactory, StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and geo caches must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def citizen(db):
    return UserFactory()


@pytest.fixture
def unverified_user(db):
    return UserFactory(verified=False)


@pytest.fixture
def moderator(db):
    return ModeratorFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def dongs(db):
    from geo.models import Dong
    from geo.services import dongs_sync

    dongs_sync()
    return {dong.name: dong for dong in Dong.objects.all()}


def _reachable(url, default_port):
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1
        ):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_url():
    """The real broker for services tests: CELERY_BROKER_URL, skipped when unset or unreachable."""
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url:
        pytest.skip("CELERY_BROKER_URL is not set: no real Redis broker for this run")
    if not _reachable(url, 6379):
        pytest.skip(f"Redis at {url} is not reachable")
    return url


@pytest.fixture
def postgres(db, django_db_blocker):
    """Skip unless the test database is PostgreSQL (DATABASE_URL=postgres://...)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://... (CI does)")
    return connection
