"""Map pages (/map/, /map/dongs/ and, for the checks every map page shares, /map/air/): no CDN
anywhere, CSP nonces on inline scripts, text alternatives with the same data, attribution,
constant query counts, the front-page section, hotspots and their merge permissions."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from soslab.maps.services import hotspots_recompute
from soslab.maps.wagtail_hooks import map_home_section
from soslab.moderation.models import ModerationState
from soslab.problems.models import Problem, ProblemStatus
from tests.problems.factories import ProblemFactory

CDN_HOSTS = (
    "cdn.",
    "cdnjs",
    "jsdelivr",
    "unpkg",
    "code.jquery",
    "bootstrapcdn",
    "googleapis",
    "cloudflare",
)
MAP_PAGES = ["/map/", "/map/dongs/", "/map/air/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", MAP_PAGES)
def test_map_html_has_no_cdn_url(client, readings, problems, url):
    html = client.get(url).content.decode()
    for host in CDN_HOSTS:
        assert host not in html, host
    sources = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    styles = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html)
    assert "/static/vendor/leaflet/leaflet.js" in sources
    assert "/static/vendor/leaflet/leaflet.css" in styles
    assert all(src.startswith("/static/") for src in sources + styles), sources + styles


@pytest.mark.django_db
@pytest.mark.parametrize("url", MAP_PAGES)
def test_inline_scripts_carry_the_csp_nonce(client, readings, problems, url):
    response = client.get(url)
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    inline = re.findall(r"<script(?![^>]*\ssrc=)([^>]*)>", html)
    assert inline
    for attributes in inline:
        assert f'nonce="{nonce}"' in attributes or 'type="application/json"' in attributes


@pytest.mark.django_db
@pytest.mark.parametrize("url", MAP_PAGES)
def test_every_map_credits_its_data(client, readings, url):
    html = client.get(url).content.decode()
    assert "vuski/admdongkor" in html
    assert "SGIS" in html


@pytest.mark.django_db
def test_problem_map_lists_the_same_problems_as_text(client, problems):
    response = client.get("/map/?category=traffic")
    html = response.content.decode()
    for problem in problems:
        assert problem.get_absolute_url() in html
    assert 'data-query="category=traffic"' in html
    assert "/problems/?category=traffic" in html


@pytest.mark.django_db
def test_problem_map_never_embeds_one_marker_per_problem(client, problems):
    html = client.get("/map/").content.decode()
    before = html.count("L.circleMarker") + html.count("L.marker(")
    ProblemFactory.create_batch(25, category=problems[0].category)
    cache_clear()
    html = client.get("/map/").content.decode()
    assert html.count("L.circleMarker") + html.count("L.marker(") == before


@pytest.mark.django_db
def test_problem_map_weighs_the_same_whatever_the_hotspots(client, problems, hotspot):
    """Hotspot areas come from /api/geo/hotspots.geojson (static/js/map.js): none is embedded,
    so 21 hotspots at 100,000 problems no longer make the page 135 KB."""
    html = client.get("/map/").content.decode()
    assert 'data-hotspots="/api/geo/hotspots.geojson"' in html
    vertices = [f"{lon:.5f}" for lon, _lat in hotspot.area["coordinates"][0]]
    assert not [vertex for vertex in vertices if vertex in html]  # no area in the page
    with_one = len(html)
    hotspot.delete()
    cache_clear()
    assert abs(len(client.get("/map/").content.decode()) - with_one) < 200
    features = client.get("/api/geo/hotspots.geojson").json()["features"]
    assert features == []


def cache_clear():
    cache.clear()


@pytest.mark.django_db
def test_problem_map_query_count_is_constant(client, problems, readings, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/map/")  # warm the rendered-map cache
    with CaptureQueriesContext(connection) as few:
        client.get("/map/")
    ProblemFactory.create_batch(30, category=problems[0].category)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/map/")


@pytest.mark.django_db
def test_choropleth_table_and_legend(client, problems):
    response = client.get("/map/dongs/?category=traffic&period=30d")
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["rows"]}
    assert rows["중앙동"]["count"] == 3
    html = response.content.decode()
    assert "legend__swatch" in html
    assert response.context["legend"][0]["upper"] == 0


@pytest.mark.django_db
def test_choropleth_density_and_period(client, dongs, problems):
    old = ProblemFactory(category=problems[0].category, dong=dongs["풍남동"])
    old.created_at = timezone.now() - timedelta(days=40)
    old.save(update_fields=["created_at"])
    rows = {r["name"]: r for r in client.get("/map/dongs/?period=30d").context["rows"]}
    assert rows["풍남동"]["count"] == 0
    rows = {r["name"]: r for r in client.get("/map/dongs/?metric=density").context["rows"]}
    assert rows["풍남동"]["value"] == round(1 / dongs["풍남동"].area_km2, 2)


@pytest.mark.django_db
def test_choropleth_rejects_unknown_choices_with_a_message(client, dongs):
    response = client.get("/map/dongs/?period=forever", follow=True)
    assert response.redirect_chain
    assert any("period" in str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_home_section_summarises_air_quality(rf, readings):
    section = map_home_section(rf.get("/"))
    assert len(section["stations"]) == 7
    assert section["synthetic"] is True


# --- hotspots ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_stored_hotspot_from_public_reports(hotspot, problems):
    assert hotspot.report_count == 6
    assert {p.pk for p in problems} <= set(hotspot.problem_ids)
    assert hotspot.dong.name == "중앙동"


@pytest.mark.django_db
def test_hidden_reports_do_not_make_hotspots(problems):
    for _ in range(3):
        ProblemFactory(category=problems[0].category, moderation_state=ModerationState.HIDDEN)
    assert hotspots_recompute() == 0


@pytest.mark.django_db
def test_staff_merge_a_hotspot_into_one_thread(client, hotspot, staff):
    keep = hotspot.problem_ids[0]
    client.force_login(staff)
    response = client.post(f"/map/hotspots/{hotspot.pk}/merge/", {"original": keep})
    assert response.status_code == 302
    statuses = dict(Problem.objects.filter(pk__in=hotspot.problem_ids).values_list("pk", "status"))
    assert statuses.pop(keep) != ProblemStatus.DUPLICATE
    assert set(statuses.values()) == {ProblemStatus.DUPLICATE}
    assert set(
        Problem.objects.filter(pk__in=statuses).values_list("duplicate_of_id", flat=True)
    ) == {keep}


@pytest.mark.django_db
def test_citizens_cannot_merge(client, hotspot, citizen):
    client.force_login(citizen)
    response = client.post(
        f"/map/hotspots/{hotspot.pk}/merge/", {"original": hotspot.problem_ids[0]}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_merge_needs_a_report_of_the_hotspot(client, hotspot, staff):
    client.force_login(staff)
    response = client.post(
        f"/map/hotspots/{hotspot.pk}/merge/", {"original": "999999"}, follow=True
    )
    assert any("Choose" in str(m) or "선택" in str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_hotspot_page_lists_its_reports(client, hotspot):
    response = client.get(f"/map/hotspots/{hotspot.pk}/")
    assert len(response.context["page"].object_list) == 6
    assert "merge" not in response.content.decode().lower()
