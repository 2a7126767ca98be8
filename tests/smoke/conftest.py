"""The smoke stage: `make smoke`. Not collected by `make test` (tests/conftest.py ignores this
folder unless SOSLAB_SMOKE=1). One stack for the session; it is stopped also when a test or the
start itself fails."""

import re

import pytest
import requests

from .stack import ProductionStack, say


@pytest.fixture(scope="session")
def stack():
    production = ProductionStack()
    try:
        production.start()
        yield production
    finally:
        say("stopping everything the smoke stage started")
        production.stop()


class Browser:
    """A visitor talking HTTP to gunicorn as the HTTPS proxy would forward it."""

    def __init__(self, stack):
        self.stack = stack
        self.session = requests.Session()
        self.session.headers.update({"X-Forwarded-Proto": "https", "User-Agent": "soslab-smoke"})

    def _proxy_cookies(self):
        """The proxy terminates TLS: the browser sees https, gunicorn plain http. Send the Secure
        cookies (session, CSRF) over the loopback hop as the browser would over https."""
        for cookie in self.session.cookies:
            cookie.secure = False

    def url(self, path):
        return path if path.startswith("http") else f"{self.stack.base_url}{path}"

    def _follow(self, response):
        """Follow redirects here, not in requests, so each hop sends the cookies just set."""
        for _hop in range(10):
            if not response.is_redirect:
                return response
            self._proxy_cookies()
            response = self.session.get(
                self.url(local_path(response.headers["Location"])),
                allow_redirects=False,
                timeout=30,
            )
        raise AssertionError("too many redirects")

    def get(self, path, **kwargs):
        self._proxy_cookies()
        response = self.session.get(self.url(path), timeout=30, allow_redirects=False, **kwargs)
        return self._follow(response)

    def post(self, path, data, *, files=None, referer=None):
        """A form POST with the CSRF token and the same-origin Referer Django checks on HTTPS."""
        self._proxy_cookies()
        data = {**data, "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        headers = {"Referer": f"{self.stack.https_origin}{referer or path}"}
        response = self.session.post(
            self.url(path),
            data=data,
            files=files,
            headers=headers,
            timeout=60,
            allow_redirects=False,
        )
        return self._follow(response)


def local_path(url):
    """https://127.0.0.1:PORT/x/ (as written in emails) -> /x/."""
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture(scope="session")
def journey():
    """State handed from one smoke test to the next (they run in file order)."""
    return {}


@pytest.fixture
def browser(stack):
    return Browser(stack)
