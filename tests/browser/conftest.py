"""Fixtures for browser tests that look at many pages: the public site is built once per module and
served by one live server, and one browser context is kept per (language, viewport, signed in).

The per-test `transactional_db` flush would throw the content away after every test, so the module
fixture owns the database itself: it opens a TransactionTestCase the way pytest-django does, keeps
database access unblocked for the module (the live server thread reads it), and flushes at the
end exactly as a transactional test does."""

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.test import Client, TransactionTestCase

from tests.conftest import ensure_migration_baseline

VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
LOCALES = {"ko": "ko-KR", "en": "en-US"}


class _ModuleDatabase(TransactionTestCase):
    databases = "__all__"


@dataclass
class PublicSite:
    url: str
    objects: dict
    session_cookie: str
    browser: object = None
    _contexts: dict = field(default_factory=dict)

    def page(self, language, viewport, *, signed_in=False):
        """A page (tab) of the context for this combination, reused across the module's tests."""
        key = (language, viewport, signed_in)
        if key not in self._contexts:
            context = self.browser.new_context(locale=LOCALES[language], **VIEWPORTS[viewport])
            context.route("**/*", local_only)
            _count_requests(context)
            if signed_in:
                context.add_cookies(
                    [
                        {
                            "name": settings.SESSION_COOKIE_NAME,
                            "value": self.session_cookie,
                            "url": self.url,
                        }
                    ]
                )
            self._contexts[key] = context.new_page()
        return self._contexts[key]

    def close(self):
        for page in self._contexts.values():
            page.context.close()
        self._contexts.clear()

    def client(self, language, *, signed_in=False):
        """A Django test client in `language`, signed in as the citizen when asked."""
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        if signed_in:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.session_cookie
        return client


def _count_requests(context):
    """Keep the set of requests in flight on the context (see `settle`)."""
    context.in_flight = set()
    context.on("request", lambda request: context.in_flight.add(request))
    context.on("requestfinished", lambda request: context.in_flight.discard(request))
    context.on("requestfailed", lambda request: context.in_flight.discard(request))


def settle(page, timeout=10.0):
    """Wait until the page has loaded, no request of its scripts (map GeoJSON, ...) is in flight
    and two frames were drawn: what "networkidle" gives, without its fixed half second."""
    import time

    page.wait_for_load_state("load")
    deadline = time.monotonic() + timeout
    while page.context.in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    while page.context.in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(20)


def local_only(route):
    if urlparse(route.request.url).hostname in {"localhost", "127.0.0.1"}:
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def public_site(request, browser, django_db_setup, django_db_blocker):
    """The site of tests/browser/public_site.py, built once for the module, on a live server."""
    from pytest_django.live_server_helper import LiveServer

    from tests.browser.public_site import build

    with django_db_blocker.unblock():
        _ModuleDatabase.setUpClass()
        database = _ModuleDatabase(methodName="__init__")
        database._pre_setup()
        server = None
        try:
            ensure_migration_baseline()
            objects = build()
            client = Client()
            client.force_login(objects["citizen"])
            server = LiveServer("localhost")
            site = PublicSite(
                url=server.url,
                objects=objects,
                session_cookie=client.cookies[settings.SESSION_COOKIE_NAME].value,
                browser=browser,
            )
            yield site
            site.close()
        finally:
            if server is not None:
                server.stop()
            database._post_teardown()
            _ModuleDatabase.tearDownClass()
            ensure_migration_baseline()
