"""The CSP's map tile source is derived from settings.GEO_TILE_URL, the URL every map requests."""

import re
import subprocess
import sys

import pytest
from django.conf import settings

from soslab.core.csp import url_template_source
from tests.problems.factories import CategoryFactory


def _img_src(response):
    policy = response["Content-Security-Policy"]
    return re.search(r"img-src ([^;]+)", policy).group(1).split()


def _allows(sources, url):
    """Whether a CSP host source list allows an absolute URL (scheme + host; '*.' wildcards)."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0]
    for source in sources:
        if not source.startswith(f"{scheme}://"):
            continue
        allowed = source.split("://", 1)[1]
        if allowed == host or (allowed.startswith("*.") and host.endswith(allowed[1:])):
            return True
    return False


def test_source_of_a_plain_tile_url_is_its_origin():
    url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert url_template_source(url) == "https://tile.openstreetmap.org"


def test_subdomain_placeholder_becomes_a_wildcard():
    url = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert url_template_source(url) == "https://*.tile.example.org"


def test_no_tile_url_allows_nothing():
    assert url_template_source("") == ""


def test_relative_tile_url_is_refused():
    with pytest.raises(ValueError):
        url_template_source("/tiles/{z}/{x}/{y}.png")


@pytest.mark.django_db
def test_map_page_tiles_are_allowed_by_its_csp(client, dongs):
    response = client.get("/map/dongs/")
    html = response.content.decode()
    assert settings.GEO_TILE_URL in html  # the folium map requests this template
    tile = settings.GEO_TILE_URL.format(s="a", z=12, x=3500, y=1600)
    assert _allows(_img_src(response), tile)


@pytest.mark.django_db
def test_report_form_picker_uses_the_tile_url_the_csp_allows(client, citizen, dongs):
    CategoryFactory()
    client.force_login(citizen)
    response = client.get("/problems/new/")
    assert response.status_code == 200
    picker_url = re.search(r'data-tile-url="([^"]+)"', response.content.decode()).group(1)
    assert picker_url == settings.GEO_TILE_URL
    assert _allows(_img_src(response), picker_url.format(s="a", z=12, x=3500, y=1600))


def test_csp_follows_a_configured_tile_url():
    code = (
        "from django.conf import settings;"
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            "DJANGO_SETTINGS_MODULE": "soslab.settings.test",
            "GEO_TILE_URL": "https://maps.example.kr/tiles/{z}/{x}/{y}.png",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "https://maps.example.kr" in result.stdout
    assert "openstreetmap" not in result.stdout
