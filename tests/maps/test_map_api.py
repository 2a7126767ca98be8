"""The problems GeoJSON endpoint: the list's filters (same ids), bbox, aggregation, errors,
privacy of minors' points, constant query counts; the dongs GeoJSON with problem counts."""

import pytest
from django.urls import reverse

from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from soslab.problems.models import ProblemStatus
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

API = "/api/geo/problems.geojson"


def ids_of(response):
    assert response.status_code == 200, response.content
    return sorted(feature["id"] for feature in response.json()["features"])


@pytest.fixture
def world(dongs):
    traffic = CategoryFactory(slug="traffic", name="교통", colour="#b91c1c")
    air = CategoryFactory(slug="air", name="대기환경", colour="#0f766e")
    jungang, songcheon = dongs["중앙동"], dongs["송천1동"]
    made = [
        ProblemFactory(
            category=traffic,
            dong=jungang,
            lat=35.8199,
            lon=127.1411,
            title="횡단보도 신호가 짧아요",
        ),
        ProblemFactory(
            category=traffic, dong=songcheon, lat=35.8700, lon=127.1200, status=ProblemStatus.SOLVED
        ),
        ProblemFactory(
            category=air, dong=jungang, lat=35.8205, lon=127.1420, title="미세먼지 냄새가 심해요"
        ),
        ProblemFactory(category=air, dong=songcheon, lat=35.8710, lon=127.1190, support_count=9),
        ProblemFactory(category=air, dong=jungang, lat=None, lon=None),  # no point: list only
        ProblemFactory(
            category=traffic,
            dong=jungang,
            lat=35.8201,
            lon=127.1415,
            moderation_state=ModerationState.HIDDEN,
        ),
        ProblemFactory(
            category=traffic,
            dong=jungang,
            lat=35.8202,
            lon=127.1416,
            moderation_state=ModerationState.PENDING,
        ),
    ]
    return {"traffic": traffic, "air": air, "problems": made, "jungang": jungang}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "category=traffic",
        "category=air&status=open",
        "status=solved",
        "dong=4511151000",
        "q=미세먼지",
        "sort=supported&category=air",
        "category=does-not-exist",
    ],
)
def test_bbox_endpoint_and_list_give_the_same_ids(client, world, query):
    listed = client.get(f"/problems/?{query}")
    assert listed.status_code == 200
    list_ids = sorted(p.pk for p in listed.context["problems"] if p.lat is not None)
    bbox = "126.9,35.7,127.3,35.95"
    map_ids = ids_of(client.get(f"{API}?{query}&bbox={bbox}"))
    assert map_ids == list_ids


@pytest.mark.django_db
def test_hidden_and_pending_problems_never_appear(client, world):
    hidden_or_pending = {p.pk for p in world["problems"][5:]}
    assert not hidden_or_pending & set(ids_of(client.get(API)))


@pytest.mark.django_db
def test_bbox_limits_the_view(client, world):
    # A box around 중앙동 only (south of 송천동).
    ids = ids_of(client.get(f"{API}?bbox=127.13,35.81,127.15,35.83"))
    expected = sorted(p.pk for p in world["problems"][:4] if p.lat and p.lat < 35.83)
    assert ids == expected


@pytest.mark.django_db
def test_points_carry_popup_data(client, world):
    data = client.get(f"{API}?category=traffic").json()
    assert data["mode"] == "points"
    feature = next(
        f for f in data["features"] if f["properties"]["title"] == "횡단보도 신호가 짧아요"
    )
    assert feature["geometry"]["coordinates"] == [127.1411, 35.8199]
    props = feature["properties"]
    assert props["category"] == world["traffic"].pk
    assert props["url"] == reverse("problems:detail", args=[feature["id"]])
    assert props["status"] == ProblemStatus.RECEIVED
    assert props["supports"] == 0
    assert props["approximate"] is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bbox", "code"),
    [
        ("1,2,3", "invalid_bbox"),
        ("a,b,c,d", "invalid_bbox"),
        ("127.2,35.8,127.1,35.9", "invalid_bbox"),
        ("nan,35.8,127.1,35.9", "invalid_bbox"),
        ("120,30,130,40", "bbox_too_large"),
    ],
)
def test_bad_bbox_is_a_400_with_a_message(client, world, bbox, code):
    response = client.get(f"{API}?bbox={bbox}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == code
    assert body["message"]


@pytest.mark.django_db
def test_bad_zoom_is_a_400(client, world):
    response = client.get(f"{API}?zoom=99")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_zoom"


@pytest.mark.django_db
def test_many_problems_are_aggregated_on_the_server(client, world, settings):
    settings.GEO_MAP_MAX_POINTS = 2
    data = client.get(API).json()
    assert data["mode"] == "clusters"
    assert data["total"] == 4
    assert sum(f["properties"]["count"] for f in data["features"]) == 4
    assert 2 <= len(data["features"]) < 4  # grid cells, not one feature per problem


@pytest.mark.django_db
def test_minors_points_are_rounded_to_about_100_m(client, dongs):
    teen = UserFactory(age_band=AgeBand.TEEN)
    problem = ProblemFactory(author=teen, lat=35.824249, lon=127.148067)
    feature = next(f for f in client.get(API).json()["features"] if f["id"] == problem.pk)
    assert feature["geometry"]["coordinates"] == [127.148, 35.824]
    assert feature["properties"]["approximate"] is True


@pytest.mark.django_db
def test_aggregated_views_are_cached_and_cover_the_view(
    client, world, settings, django_assert_num_queries
):
    settings.GEO_MAP_MAX_POINTS = 2
    first = client.get(f"{API}?bbox=127.0,35.7,127.3,35.95").json()
    # A slightly moved view snaps to the same 0.01° box: only the bounded row probe runs again.
    with django_assert_num_queries(1):
        again = client.get(f"{API}?bbox=127.001,35.701,127.299,35.949").json()
    assert again == first


@pytest.mark.django_db
def test_query_count_is_constant(client, dongs, django_assert_num_queries):
    category = CategoryFactory(slug="traffic")
    ProblemFactory(category=category)
    # category lookup (filter form), rows (at most GEO_MAP_MAX_POINTS + 1)
    with django_assert_num_queries(2) as few:
        client.get(f"{API}?category=traffic")
    ProblemFactory.create_batch(30, category=category)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(f"{API}?category=traffic")


@pytest.mark.django_db
def test_dongs_geojson_counts_public_problems(client, world):
    data = client.get("/api/geo/dongs.geojson?category=air").json()
    assert len(data["features"]) == 35
    by_name = {f["properties"]["name"]: f["properties"] for f in data["features"]}
    assert by_name["중앙동"]["count"] == 2
    assert by_name["송천1동"]["count"] == 1
    assert by_name["중앙동"]["per_km2"] == round(2 / world["jungang"].area_km2, 2)
    assert client.get("/api/geo/dongs.geojson?period=forever").status_code == 400
