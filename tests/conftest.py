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

# The production smoke stage (tests/smoke/) boots gunicorn, Celery and an SMTP sink: only
# `make smoke` (SOSLAB_SMOKE=1) collects it, never `make test`.
collect_ignore = [] if os.environ.get("SOSLAB_SMOKE") == "1" else ["smoke"]


def ensure_migration_baseline():
    """Recreate the rows Wagtail's migrations create (default locale, root page and collection,
    default Site) when a transactional test's flush removed them. Content types, permissions and
    the project's groups come back by themselves: the flush re-runs the post_migrate handlers."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page, Site

    # The flush recreated the content types with new ids; the cache still holds the old ones.
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _migration_baseline(request):
    """Transactional tests start from the state `migrate` leaves, whatever ran before them.

    A transactional test ends with a flush of every table, so the next one would otherwise find no
    Wagtail root page. Restoring the few rows here is what lets these tests run in any order
    without `serialized_rollback`, whose snapshot collides with the rows the flush's post_migrate
    handlers recreate (groups, content types)."""
    if _is_transactional(request):
        request.getfixturevalue("transactional_db")
        ensure_migration_baseline()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Korean. LocaleMiddleware activates a request's language for the rest of
    the thread, so a test client request in English would otherwise leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture
def stations(dongs):
    from geo.models import AirStation
    from geo.services import stations_sync

    stations_sync()
    return {station.name: station for station in AirStation.objects.all()}


@pytest.fixture
def readings(stations):
    """A week of synthetic hourly readings at every station; returns the last hour."""
    from django.utils import timezone

    from geo.models import AirSource
    from geo.services import air_readings_store
    from geo.synthetic import synthetic_series

    end = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for station in stations.values():
        air_readings_store(
            station=station,
            readings=synthetic_series(station.name, end, 7 * 24),
            source=AirSource.SYNTHETIC,
        )
    return end


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


CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright; skipped when Chromium is not installed."""
    import shutil

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        reason = "headless Chromium is not installed (Debian: apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            # CI installs Chromium (.ci/run); a browser test that cannot run there is a failure.
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test body
    # are still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    """A phone-sized page (390x844, Korean locale). Requests to anything but localhost are blocked,
    as on this machine's closed network, so a page that needs a CDN visibly breaks."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="ko-KR", is_mobile=True
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname in {"localhost", "127.0.0.1"}
            else route.abort()
        ),
    )
    page = context.new_page()
    yield page
    context.close()
