"""robots.txt, the web manifest and the icons."""

import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_private_paths(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: https://sos.example.kr/sitemap.xml" in lines
    for private in ("/admin/", "/accounts/", "/me/", "/files/", "/moderation/", "/notifications/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /problems/" not in lines
    assert "Disallow: /" not in lines


def test_manifest_is_valid_json_with_korean_names_and_the_site_colour(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    data = json.loads(response.content)
    assert data["name"] == "SOS랩 전주"
    assert data["short_name"] == "SOS랩"
    assert data["lang"] == "ko"
    assert data["start_url"] == "/"
    with open(finders.find("css/site.css"), encoding="utf-8") as fh:
        assert f"--c-primary: {data['theme_color']};" in fh.read()
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        name = icon["src"].removeprefix("/static/")
        with Image.open(finders.find(name)) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]


@pytest.mark.parametrize(
    ("name", "size"),
    [("img/apple-touch-icon.png", (180, 180)), ("img/favicon.ico", (48, 48))],
)
def test_icons_are_committed_and_small(name, size):
    path = finders.find(name)
    assert path is not None
    with Image.open(path) as image:
        assert image.size == size
    with open(path, "rb") as fh:
        assert len(fh.read()) < 40_000


def test_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    with open(finders.find("img/favicon.ico"), "rb") as fh:
        assert response.content == fh.read()
    svg = finders.find("img/favicon.svg")
    with open(svg, encoding="utf-8") as fh:
        assert fh.read().startswith("<svg")
