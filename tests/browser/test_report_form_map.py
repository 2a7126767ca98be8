"""The report form's map without a tile server (every non-local request is blocked by the `phone`
fixture): the dong boundaries are drawn as the base layer, a tap or the keyboard places the pin,
and Leaflet's own controls speak the page language."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def form_page(phone, live_server, transactional_db):
    client = Client()
    client.force_login(UserFactory())
    phone.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    phone.goto(live_server.url + "/problems/new/")
    return phone


def test_boundaries_drawn_without_tiles_and_the_pin_placed_by_tap_and_keyboard(form_page):
    page = form_page
    boundaries = page.locator("#problem-map .leaflet-boundaries-pane path")
    boundaries.first.wait_for(state="attached")
    assert boundaries.count() >= 30  # Jeonju's dongs (and with them the city outline)

    page.locator("#problem-map").click()
    assert page.input_value("#id_lat") and page.input_value("#id_lon")
    page.locator("[data-action=clear]").click()
    assert page.input_value("#id_lat") == ""

    page.locator("#problem-map").focus()
    page.keyboard.press("Enter")
    assert page.input_value("#id_lat") and page.input_value("#id_lon")
    assert "지도 가운데에 핀을 놓았습니다." in page.locator("[data-role=status]").inner_text()


def test_leaflet_controls_in_korean(form_page):
    page = form_page
    page.locator("#problem-map .leaflet-control-zoom-in").wait_for()
    assert page.get_attribute("#problem-map .leaflet-control-zoom-in", "title") == "확대"
    assert page.get_attribute("#problem-map .leaflet-control-zoom-out", "title") == "축소"
