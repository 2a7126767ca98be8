"""The maps in a real browser (headless Chromium, no internet): Leaflet from static/vendor,
problems loaded from the GeoJSON API and drawn, the layer control, no script errors."""

import pytest
from playwright.sync_api import expect

from tests.problems.factories import CategoryFactory, ProblemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def map_data(transactional_db):
    from geo.services import dongs_sync, stations_sync

    dongs_sync()
    stations_sync()
    traffic = CategoryFactory(slug="traffic", name="교통", colour="#b91c1c")
    air = CategoryFactory(slug="air", name="대기환경", colour="#0f766e")
    for index in range(4):
        ProblemFactory(category=traffic, lat=35.8242 + index * 0.001, lon=127.1480)
    ProblemFactory(category=air, lat=35.8300, lon=127.1400)
    return traffic


def _errors(page):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            msg.type == "error" and "tile" not in msg.text.lower() and errors.append(msg.text)
        ),
    )
    return errors


def test_problems_map_draws_problems_from_the_api(phone, live_server, map_data, settings):
    settings.GEO_TILE_URL = ""  # no tiles: markers, areas and legends still draw
    errors = _errors(phone)
    phone.goto(live_server.url + "/map/")
    expect(phone.locator("#map-status")).to_contain_text("5")
    phone.wait_for_selector("path.leaflet-interactive, .marker-cluster", timeout=5000)
    labels = phone.inner_text(".leaflet-control-layers")
    assert "교통" in labels and "대기환경" in labels
    assert errors == []


def test_problems_map_follows_the_filters(phone, live_server, map_data, settings):
    settings.GEO_TILE_URL = ""
    errors = _errors(phone)
    phone.goto(live_server.url + "/map/?category=air")
    expect(phone.locator("#map-status")).to_contain_text("1")
    assert errors == []


@pytest.mark.parametrize("url", ["/map/dongs/", "/map/air/"])
def test_other_maps_render_without_errors(phone, live_server, map_data, settings, url):
    settings.GEO_TILE_URL = ""
    errors = _errors(phone)
    phone.goto(live_server.url + url)
    phone.wait_for_selector(".leaflet-container")
    phone.wait_for_selector("path.leaflet-interactive")
    assert errors == []
