"""Site-wide search with the keyboard alone: Tab to the header's search box, type a Korean query,
Enter, Tab to a result and follow it (the site of tests/browser/public_site.py)."""

import pytest

from tests.browser.conftest import settle

pytestmark = [pytest.mark.browser]

FOCUSED_LINK = "document.activeElement.closest('.search-result') ? document.activeElement.getAttribute('href') : null"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_from_the_header_with_the_keyboard_alone(public_site, viewport):
    page = public_site.page("ko", viewport)
    page.goto(public_site.url + "/problems/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    else:
        pytest.fail("Tab never reached the header's search box")
    assert (
        page.evaluate("document.activeElement.labels[0].textContent.trim()") == "사이트 전체 검색"
    )
    page.keyboard.type("횡단보도")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    settle(page)
    assert "/search/?q=" in page.url
    assert page.title().startswith("“횡단보도” 검색 결과")
    href = None
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate(FOCUSED_LINK)
        if href:
            break
    assert href, "Tab never reached a result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == public_site.url + href
    problem = public_site.objects["problem"]
    assert href in (problem.get_absolute_url(), public_site.objects["project"].url)


def test_search_results_mark_the_words_and_count_each_kind(public_site):
    page = public_site.page("ko", "desktop")
    page.goto(public_site.url + "/search/?q=횡단보도")
    assert page.locator(".search-result mark").first.inner_text() == "횡단보도"
    tabs = page.locator(".search-tabs a").all_inner_texts()
    assert tabs[0].startswith("전체")
    assert len(tabs) == 6
