"""The geo evidence on a problem's page: the 100 m accident-hotspot flag and the air readings."""

import pytest
from django.utils import timezone

from geo.models import AirSource, TrafficKind, TrafficSpot
from geo.services import air_readings_store
from geo.synthetic import synthetic_series
from tests.problems.factories import CategoryFactory, ProblemFactory

from .test_hotspots import offset


@pytest.mark.django_db
def test_traffic_problem_near_an_accident_hotspot_is_flagged(client, dongs):
    TrafficSpot.objects.create(
        kind=TrafficKind.ACCIDENT_HOTSPOT,
        external_id="x",
        name="객사 앞 교차로",
        lat=35.8400,
        lon=127.1300,
        accidents=6,
        casualties=8,
    )
    traffic = CategoryFactory(slug="traffic", name="교통")
    lon, lat = offset(60, 0)
    near = ProblemFactory(category=traffic, lon=lon, lat=lat)
    lon, lat = offset(300, 0)
    far = ProblemFactory(category=traffic, lon=lon, lat=lat)
    other = ProblemFactory(
        category=CategoryFactory(slug="living"), lon=offset(60, 0)[0], lat=offset(60, 0)[1]
    )
    assert "객사 앞 교차로" in client.get(near.get_absolute_url()).content.decode()
    assert "traffic-flag" not in client.get(far.get_absolute_url()).content.decode()
    assert "traffic-flag" not in client.get(other.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_air_problem_page_shows_nearby_readings(client, stations):
    end = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    air_readings_store(
        station=stations["노송동"],
        readings=synthetic_series("노송동", end, 30),
        source=AirSource.SYNTHETIC,
    )
    problem = ProblemFactory(category=CategoryFactory(slug="air", name="대기환경"))
    html = client.get(problem.get_absolute_url()).content.decode()
    assert "air-evidence" in html
    assert "합성 데이터 (synthetic)" in html
    assert '<svg class="chart"' in html
