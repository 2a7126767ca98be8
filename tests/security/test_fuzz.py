"""Property-based fuzz of the public JSON APIs: whatever the query string, the answer is never a
5xx and its body is always valid JSON (data on 200, the API's own error format on 4xx)."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.problems.factories import CITY_HALL, CategoryFactory, ProblemFactory

ENDPOINTS = {
    "/api/geo/problems.geojson": ("bbox", "zoom", "category", "status", "dong", "q", "tag"),
    "/api/geo/dongs.geojson": ("category", "status", "q"),
    "/api/geo/stations.geojson": ("pollutant",),
    "/api/geo/hotspots.geojson": ("bbox",),
    "/api/geo/traffic.geojson": ("bbox",),
    "/problems/similar.json": ("lat", "lon", "category", "title"),
    "/open311/v2/requests.json": (
        "service_request_id",
        "service_code",
        "start_date",
        "end_date",
        "status",
        "page",
        "page_size",
    ),
    "/open311/v2/services.json": ("jurisdiction_id",),
    "/open311/v2/discovery.json": (),
}

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["inf", "-inf", "nan", "1e400", "-0", "0x1A", "1_000", "٣"]),
)
bboxes = st.lists(numbers, min_size=0, max_size=5).map(",".join)
values = st.one_of(
    numbers,
    bboxes,
    st.text(max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=20),  # control characters
    st.sampled_from([str(CITY_HALL[0]), str(CITY_HALL[1]), "open", "closed", "2026-11-21"]),
)


def _query(names):
    return (
        st.dictionaries(st.sampled_from(names), values, max_size=len(names))
        if names
        else (st.just({}))
    )


FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def some_data(db):
    category = CategoryFactory(slug="traffic")
    ProblemFactory(category=category)
    return category


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(ENDPOINTS))
def test_public_json_api_never_fails_and_always_answers_json(some_data, path):
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(query=_query(ENDPOINTS[path]))
    def check(query):
        response = client.get(path, query)
        assert response.status_code < 500, (query, response.status_code)
        json.loads(response.content)

    check()


@pytest.mark.django_db
@FUZZ
@given(number=st.integers(min_value=0, max_value=10**12))
def test_open311_request_detail_never_fails(some_data, number):
    response = Client(raise_request_exception=False).get(f"/open311/v2/requests/{number}.json")
    assert response.status_code < 500
    json.loads(response.content)
