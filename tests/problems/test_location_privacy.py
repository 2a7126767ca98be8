"""Location privacy as one rule (geo.privacy.published_point, stored as Problem.public_lat/lon):
no public output lets anyone compute a minor's exact point, however many queries they make.

The attacks below are the ones a security review used: trilateration from similar.json
distances, "nearest" ordering on the list, and moving a bbox edge across the point. Each recovers
at best the published point (about 50-70 m from the exact one), exactly what it publishes."""

import math

import pytest

from geo.privacy import published_point
from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from soslab.problems.similar import haversine_m
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

# An exact point well inside a 0.001° grid cell: the published point (35.824, 127.148) is ~58 m
# away (0.00043° north = 48 m, 0.00037° east = 33 m).
EXACT = (35.82443, 127.14837)
PUBLISHED = (35.824, 127.148)
M_PER_DEG_LAT = 111_000
M_PER_DEG_LON = 111_000 * math.cos(math.radians(EXACT[0]))


@pytest.fixture
def category(db):
    return CategoryFactory(slug="safety")


@pytest.fixture
def minors_problem(category):
    return ProblemFactory(
        author=UserFactory(age_band=AgeBand.TEEN), category=category, lat=EXACT[0], lon=EXACT[1]
    )


def _offset(point, north_m, east_m):
    return point[0] + north_m / M_PER_DEG_LAT, point[1] + east_m / M_PER_DEG_LON


def _trilaterate(observations):
    """Least-squares point from [(lat, lon, distance_m)] (Gauss-Newton in local metres)."""
    lat0, lon0 = observations[0][0], observations[0][1]
    anchors = [
        ((lat - lat0) * M_PER_DEG_LAT, (lon - lon0) * M_PER_DEG_LON, d)
        for lat, lon, d in observations
    ]
    y = sum(a[0] for a in anchors) / len(anchors) + 1.0
    x = sum(a[1] for a in anchors) / len(anchors) + 1.0
    for _ in range(50):
        jtj = [[0.0, 0.0], [0.0, 0.0]]
        jtr = [0.0, 0.0]
        for ay, ax, d in anchors:
            r = math.hypot(y - ay, x - ax) or 1e-9
            gy, gx = (y - ay) / r, (x - ax) / r
            residual = r - d
            jtj[0][0] += gy * gy
            jtj[0][1] += gy * gx
            jtj[1][1] += gx * gx
            jtr[0] += gy * residual
            jtr[1] += gx * residual
        det = jtj[0][0] * jtj[1][1] - jtj[0][1] ** 2
        y -= (jtj[1][1] * jtr[0] - jtj[0][1] * jtr[1]) / det
        x -= (jtj[0][0] * jtr[1] - jtj[0][1] * jtr[0]) / det
    return lat0 + y / M_PER_DEG_LAT, lon0 + x / M_PER_DEG_LON


# --- The rule ----------------------------------------------------------------------------------


def test_rule_is_exact_for_adults_and_a_fixed_grid_for_minors():
    assert published_point(*EXACT, minor=False) == (*EXACT, False)
    assert published_point(*EXACT, minor=True) == (*PUBLISHED, True)
    assert published_point(None, None, minor=True) == (None, None, False)


def test_the_grid_is_deterministic_so_nearby_points_publish_the_same_cell():
    points = {
        published_point(*_offset(PUBLISHED, n, e), minor=True)
        for n, e in [(10, 10), (-40, 30), (45, -40)]
    }
    assert points == {(*PUBLISHED, True)}


@pytest.mark.django_db
def test_saving_stores_the_published_point(minors_problem):
    minors_problem.refresh_from_db()
    assert (minors_problem.public_lat, minors_problem.public_lon) == PUBLISHED
    assert minors_problem.location_approximate is True
    assert minors_problem.public_point == (*PUBLISHED, True)


@pytest.mark.django_db
def test_a_problem_that_is_not_public_has_no_point_to_learn(minors_problem):
    minors_problem.moderation_state = ModerationState.PENDING
    assert minors_problem.public_point == (None, None, False)


@pytest.mark.django_db
def test_an_age_band_change_reapplies_the_rule(category):
    author = UserFactory(age_band=AgeBand.ADULT)
    problem = ProblemFactory(author=author, category=category, lat=EXACT[0], lon=EXACT[1])
    author.age_band = AgeBand.TEEN
    author.save()
    problem.refresh_from_db()
    assert (problem.public_lat, problem.public_lon, problem.location_approximate) == (
        *PUBLISHED,
        True,
    )


# --- Attacks -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_trilateration_through_similar_json_finds_only_the_published_point(
    client, minors_problem, category
):
    observations = []
    for north, east in [(-120, -90), (110, -60), (-30, 140), (60, 90), (0, 0)]:
        lat, lon = _offset(EXACT, north, east)
        response = client.get(
            "/problems/similar.json", {"lat": lat, "lon": lon, "category": category.pk}
        )
        (result,) = response.json()["results"]
        assert result["id"] == minors_problem.pk
        observations.append((lat, lon, result["distance_m"]))
    fitted = _trilaterate(observations)
    assert haversine_m(*fitted, *EXACT) >= 50
    assert haversine_m(*fitted, *PUBLISHED) < 5


@pytest.mark.django_db
def test_similar_suggestions_on_a_minors_page_are_measured_from_its_published_point(
    client, minors_problem, category
):
    neighbour = ProblemFactory(category=category, lat=EXACT[0] + 0.0005, lon=EXACT[1])
    response = client.get(minors_problem.get_absolute_url())
    (shown,) = response.context["similar"]
    assert shown.pk == neighbour.pk
    assert shown.distance_m == round(haversine_m(*PUBLISHED, neighbour.lat, neighbour.lon))


@pytest.mark.django_db
def test_nearest_ordering_uses_the_published_point(client, minors_problem, category):
    # From here the exact point is 63 m away, the adult's problem 89 m, the published point 116 m.
    here = _offset(EXACT, 63, 0)
    adults = ProblemFactory(category=category, lat=_offset(here, 89, 0)[0], lon=here[1])
    response = client.get("/problems/", {"sort": "near", "near": f"{here[0]},{here[1]}"})
    assert [p.pk for p in response.context["problems"]] == [adults.pk, minors_problem.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bbox", "included"),
    [
        # Contains the exact point but not the published one: the problem is not in view.
        ((127.1482, 35.8242, 127.1490, 35.8250), False),
        # Contains the published point but not the exact one: it is.
        ((127.1475, 35.8235, 127.1482, 35.8242), True),
    ],
)
def test_bbox_edges_follow_the_published_point(client, minors_problem, bbox, included):
    response = client.get("/api/geo/problems.geojson", {"bbox": ",".join(map(str, bbox))})
    ids = [feature["id"] for feature in response.json()["features"]]
    assert (minors_problem.pk in ids) is included


@pytest.mark.django_db
def test_no_public_output_contains_the_exact_point(client, minors_problem):
    exact_text = [f"{EXACT[0]}", f"{EXACT[1]}", "35.82443", "127.14837"]
    urls = [
        minors_problem.get_absolute_url(),
        "/api/geo/problems.geojson",
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        "/open-data/problems.csv",
        "/open-data/problems.geojson",
        "/problems/feed/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode("utf-8")
        for text in exact_text:
            assert text not in body, (url, text)


@pytest.mark.django_db
def test_hotspot_geometry_is_built_from_published_points(category):
    from shapely.geometry import Point, shape

    from geo.models import Hotspot
    from soslab.maps.services import hotspots_recompute

    teen = UserFactory(age_band=AgeBand.TEEN)
    for north, east in [(0, 0), (2, 3), (-4, 6), (3, -2), (-6, -5)]:
        ProblemFactory(author=teen, category=category, lat=_offset(EXACT, north, east)[0],
                       lon=_offset(EXACT, north, east)[1])  # fmt: skip
    assert hotspots_recompute(min_reports=5, radius_m=50) == 1
    hotspot = Hotspot.objects.get()
    # Every member publishes the same grid point, so that is the centre; the exact points (all
    # within 10 m of EXACT) are not.
    assert haversine_m(hotspot.lat, hotspot.lon, *PUBLISHED) < 1
    assert not shape(hotspot.area).contains(Point(EXACT[1], EXACT[0]))
