"""Open data: the downloads carry public problems only, minors' points rounded, and the page
says the licence."""

import csv
import io
import json

import pytest

from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory


@pytest.fixture
def open_problems(dongs):
    category = CategoryFactory(slug="air", name="대기환경")
    adult = ProblemFactory(category=category, dong=dongs["중앙동"], lat=35.819891, lon=127.141113)
    teen = ProblemFactory(
        category=category,
        author=UserFactory(age_band=AgeBand.UNDER_14),
        lat=35.824249,
        lon=127.148067,
    )
    hidden = ProblemFactory(category=category, moderation_state=ModerationState.HIDDEN)
    pending = ProblemFactory(category=category, moderation_state=ModerationState.PENDING)
    return adult, teen, hidden, pending


def _stream(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.django_db
def test_open_data_geojson(client, open_problems):
    adult, teen, hidden, pending = open_problems
    data = json.loads(_stream(client.get("/open-data/problems.geojson")))
    by_id = {f["properties"]["id"]: f for f in data["features"]}
    assert set(by_id) == {adult.pk, teen.pk}
    assert by_id[adult.pk]["geometry"]["coordinates"] == [127.141113, 35.819891]
    assert by_id[teen.pk]["geometry"]["coordinates"] == [127.148, 35.824]
    assert by_id[teen.pk]["properties"]["location_precision"] == "approx_100m"
    assert "author" not in json.dumps(data)
    assert "licence" in data


@pytest.mark.django_db
def test_open_data_csv(client, open_problems):
    adult, teen, hidden, pending = open_problems
    rows = list(csv.DictReader(io.StringIO(_stream(client.get("/open-data/problems.csv")))))
    assert sorted(int(r["id"]) for r in rows) == sorted([adult.pk, teen.pk])
    teen_row = next(r for r in rows if int(r["id"]) == teen.pk)
    assert (teen_row["lat"], teen_row["lon"]) == ("35.824", "127.148")
    assert rows[0]["dong_name"] == "중앙동"
    assert "email" not in rows[0] and "author" not in rows[0]


@pytest.mark.django_db
def test_open_data_page_has_the_licence_note(client, open_problems):
    html = client.get("/open-data/").content.decode()
    assert "CC BY 4.0" in html
    assert "/open-data/problems.csv" in html
