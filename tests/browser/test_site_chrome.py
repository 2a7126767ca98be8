"""The site chrome in a real browser: keyboard access and the language switcher."""

import pytest
from wagtail.models import Page, Site

from cms.models import HomePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def home(transactional_db):
    root = Page.get_first_root_node()  # tests/conftest.py restores it after flushes
    home = HomePage(
        title="SOS랩 전주",
        slug="browser-home",
        hero_title="우리 동네 문제, 함께 풀어요",
        hero_title_en="Together",
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def test_skip_link_is_the_first_thing_the_keyboard_reaches(phone, live_server, home):
    phone.goto(live_server.url + "/")
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.textContent.trim()")
    assert focused == "본문으로 건너뛰기"
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"


def test_language_switcher_changes_the_page_language(phone, live_server, home):
    phone.goto(live_server.url + "/")
    assert phone.get_attribute("html", "lang") == "ko"
    phone.select_option("#language-select", "en")
    phone.click(".language-switcher button")
    phone.wait_for_load_state()
    assert phone.get_attribute("html", "lang") == "en"
    assert phone.inner_text("h1") == "Together"


def test_home_page_fits_a_phone_screen_without_horizontal_scrolling(phone, live_server, home):
    phone.goto(live_server.url + "/")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
