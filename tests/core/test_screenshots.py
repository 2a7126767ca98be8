"""`make screenshots` helpers: pictures shrink to a palette PNG, and nothing but the local
server is fetched (map tiles cannot load, so the pictures show the site without them)."""

import io

from PIL import Image

from soslab.core import illustrations
from soslab.core.management.commands.screenshots import local_only, optimise


def test_optimise_keeps_the_picture_in_fewer_bytes():
    buffer = io.BytesIO()
    illustrations.draw("crosswalk", seed="readme", size=(1280, 900)).save(buffer, "PNG")
    small = optimise(buffer.getvalue())
    picture = Image.open(io.BytesIO(small))
    assert picture.size == (1280, 900) and picture.mode == "P"
    assert len(small) < len(buffer.getvalue())


class _Route:
    def __init__(self, url):
        self.request = type("Request", (), {"url": url})()
        self.outcome = None

    def continue_(self):
        self.outcome = "continued"

    def abort(self):
        self.outcome = "aborted"


def test_only_the_local_server_is_reached():
    for url, outcome in [
        ("http://127.0.0.1:8123/static/css/site.css", "continued"),
        ("http://localhost:8123/", "continued"),
        ("https://tile.openstreetmap.org/12/3493/1601.png", "aborted"),
    ]:
        route = _Route(url)
        local_only(route)
        assert route.outcome == outcome, url
