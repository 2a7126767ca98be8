"""Open311 reads against the vendored official schemas (format checking on), XML equal to JSON,
multi-value filters, date precision, HEAD/OPTIONS, errors in the spec's list in both formats,
jurisdiction_id, CORS."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.utils import timezone

from soslab.accounts.models import AgeBand
from soslab.problems.models import ProblemPhoto, ProblemStatus, TimelineEntry, TimelineKind
from soslab.problems.services import answer_add, problem_status_change
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

from .conftest import BASE, as_json, as_xml, assert_same, validate, validator


@pytest.fixture
def reports(dongs):
    air = CategoryFactory(slug="air", name="대기환경", name_en="Air quality")
    road = CategoryFactory(slug="road", name="도로", name_en="Roads")
    traffic = CategoryFactory(slug="traffic", name="교통", name_en="Traffic")
    adult = ProblemFactory(
        category=air,
        dong=dongs["중앙동"],
        lat=35.819891000000004,
        lon=127.06113500000001,
        location_text="전주천 산책로 입구",
        created_at=timezone.make_aware(datetime(2026, 11, 1, 9, 30, 0, 654321)),
    )
    ProblemPhoto.objects.create(
        problem=adult, image="problems/2026/11/a.jpg", thumbnail="t.jpg", width=4, height=3
    )
    teen = ProblemFactory(
        category=road,
        author=UserFactory(age_band=AgeBand.TEEN),
        lat=35.824249,
        lon=127.148067,
        status=ProblemStatus.SOLVED,
        created_at=timezone.make_aware(datetime(2026, 11, 10, 18, 0)),
    )
    jam = ProblemFactory(
        category=traffic, created_at=timezone.make_aware(datetime(2026, 11, 12, 8, 0))
    )
    return {"adult": adult, "teen": teen, "jam": jam}


def _ids(client, query):
    return {
        int(i["service_request_id"]) for i in as_json(client.get(f"{BASE}/requests.json?{query}"))
    }


def test_the_schemas_check_formats_and_types():
    """The checks the issue found failing really fail here: numeric id, "" as date-time and uri."""
    base = {"service_request_id": "1", "status": "open", "service_code": "air"}
    base["requested_datetime"] = "2026-11-01T09:30:00+09:00"
    assert validator("request.json").is_valid(base)
    assert not validator("request.json").is_valid({**base, "service_request_id": 1})
    assert not validator("request.json").is_valid({**base, "expected_datetime": ""})
    assert not validator("request.json").is_valid({**base, "media_url": ""})


@pytest.mark.django_db
def test_services_validate_and_xml_matches(client, reports):
    data = assert_same(client, f"{BASE}/services")
    validate(data, "services.json")
    assert {s["service_code"] for s in data} == {"air", "road", "traffic"}


@pytest.mark.django_db
def test_requests_validate_and_xml_matches(client, reports):
    data = assert_same(client, f"{BASE}/requests")
    validate(data, "requests.json")
    assert all(isinstance(item["service_request_id"], str) for item in data)
    adult = next(i for i in data if i["service_request_id"] == str(reports["adult"].pk))
    assert (adult["lat"], adult["long"]) == (35.819891, 127.061135)
    assert adult["media_url"].startswith("http://testserver/")
    jam = next(i for i in data if i["service_request_id"] == str(reports["jam"].pk))
    assert "media_url" not in jam and "expected_datetime" not in jam and "zipcode" not in jam


@pytest.mark.django_db
def test_single_request_validates(client, reports):
    data = assert_same(client, f"{BASE}/requests/{reports['teen'].pk}")
    validate(data, "requests.json")
    assert data[0]["status"] == "closed"


@pytest.mark.django_db
def test_discovery_in_both_formats(client, db):
    data = as_json(client.get(f"{BASE}/discovery.json"))
    validate(data, "local/discovery.json")
    root = as_xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert root.findtext("endpoints/endpoint/url") == data["endpoints"][0]["url"]
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
        "text/xml",
        "application/json",
    ]


@pytest.mark.django_db
def test_updates_list_status_changes_and_answers(client, reports, staff):
    problem_status_change(
        problem=reports["jam"], status=ProblemStatus.SOLVED, actor=staff, note="신호 조정 완료"
    )
    answer_add(problem=reports["jam"], author=staff, body="교통과에서 답변드립니다.")
    data = assert_same(
        client, f"{BASE}/servicerequestupdates?service_request_id={reports['jam'].pk}"
    )
    validate(data, "local/updates.json")
    assert [(u["status"], u["description"]) for u in data] == [
        ("closed", "신호 조정 완료"),
        ("closed", "교통과에서 답변드립니다."),
    ]
    later = data[-1]["updated_datetime"]
    assert as_json(client.get(f"{BASE}/servicerequestupdates.json?start_date={later[:19]}%2B09:00"))


@pytest.mark.django_db
def test_a_control_character_does_not_break_the_xml(client, dongs):
    problem = ProblemFactory(description="매연이\x0b 심해요\x01 정말로요 여기")
    response = client.get(f"{BASE}/requests.xml")
    root = as_xml(response)  # parses: well-formed
    assert "매연이 심해요 정말로요 여기" in root.findtext("request/description")
    assert str(problem.pk) == root.findtext("request/service_request_id")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["service_code=air,traffic", "service_code=air&service_code=traffic"]
)
def test_comma_separated_and_repeated_service_codes(client, reports, query):
    assert _ids(client, query) == {reports["adult"].pk, reports["jam"].pk}


@pytest.mark.django_db
def test_comma_separated_statuses(client, reports):
    assert _ids(client, "status=open&status=closed") == {p.pk for p in reports.values()}
    assert _ids(client, "status=closed") == {reports["teen"].pk}


@pytest.mark.django_db
def test_a_shown_timestamp_finds_its_request(client, reports):
    """requested_datetime is shown to the second; start_date = end_date = that value matches
    although the stored time has microseconds."""
    adult = reports["adult"]
    shown = as_json(client.get(f"{BASE}/requests/{adult.pk}.json"))[0]["requested_datetime"]
    assert shown == "2026-11-01T09:30:00+09:00"
    stamp = shown.replace("+", "%2B")
    assert _ids(client, f"start_date={stamp}&end_date={stamp}") == {adult.pk}
    assert _ids(client, "start_date=2026-11-01T09:30:01%2B09:00&end_date=2026-11-02") == set()


@pytest.mark.django_db
def test_head_and_options(client, reports):
    get = client.get(f"{BASE}/requests.json")
    head = client.head(f"{BASE}/requests.json")
    assert head.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""
    options = client.options(f"{BASE}/services.xml")
    assert options.status_code == 204
    assert options["Allow"] == "GET, HEAD, OPTIONS"
    assert client.options(f"{BASE}/requests.json")["Allow"] == "GET, HEAD, OPTIONS, POST"


@pytest.mark.django_db
def test_cors_on_reads(client, reports):
    response = client.get(f"{BASE}/requests.json", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in response["Access-Control-Allow-Methods"]


ERRORS = [
    ("delete", "/services", 405),
    ("get", "/requests/99999999", 404),
    ("get", "/nothing-here", 404),
    ("get", "/requests?start_date=yesterday", 400),
    ("get", "/requests?jurisdiction_id=seoul.go.kr", 404),
    ("post", "/requests", 403),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "status"), ERRORS)
def test_errors_use_the_error_list_in_json(client, method, path, status):
    stem, _, query = path.partition("?")
    response = getattr(client, method)(f"{BASE}{stem}.json" + (f"?{query}" if query else ""))
    data = as_json(response, status)
    validate(data, "local/errors.json")
    assert data[0]["code"] == status


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "status"), ERRORS)
def test_errors_use_the_error_list_in_xml(client, method, path, status):
    stem, _, query = path.partition("?")
    response = getattr(client, method)(f"{BASE}{stem}.xml" + (f"?{query}" if query else ""))
    root = as_xml(response, status)
    assert root.tag == "errors"
    assert root.findtext("error/code") == str(status)
    assert root.findtext("error/description")


@pytest.mark.django_db
def test_an_unknown_format_is_a_json_404(client, db):
    data = as_json(client.get(f"{BASE}/requests.csv"), 404)
    validate(data, "local/errors.json")


@pytest.mark.django_db
def test_the_right_jurisdiction_is_accepted(client, reports):
    assert as_json(client.get(f"{BASE}/services.json?jurisdiction_id=jeonju.go.kr"))


@pytest.mark.django_db
def test_xml_is_well_formed_with_every_field(client, reports):
    TimelineEntry.objects.create(problem=reports["adult"], kind=TimelineKind.STATUS, note="<&>")
    ET.fromstring(client.get(f"{BASE}/requests.xml").content)  # noqa: S314
    assert_same(client, f"{BASE}/requests")


def _signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


@pytest.mark.django_db
def test_dong_polygons_wind_counter_clockwise_with_7_decimals(client, dongs):
    response = client.get("/api/geo/dongs.geojson")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["features"]
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for polygon in polygons:
            assert _signed_area(polygon[0]) > 0  # RFC 7946: outer ring counter-clockwise
            for hole in polygon[1:]:
                assert _signed_area(hole) < 0
            assert all(round(v, 7) == v for point in polygon[0] for v in point)


@pytest.mark.django_db
def test_every_export_uses_korea_time(client, reports):
    adult = reports["adult"]
    csv = client.get("/open-data/problems.csv")
    assert "2026-11-01T09:30:00+09:00" in b"".join(csv.streaming_content).decode("utf-8-sig")
    feed = client.get("/problems/feed/").content.decode()
    assert "+09:00" in feed and "Z</" not in feed
    shown = as_json(client.get(f"{BASE}/requests/{adult.pk}.json"))[0]["requested_datetime"]
    assert shown == "2026-11-01T09:30:00+09:00"


@pytest.mark.django_db
def test_updates_are_one_query(client, reports, staff, django_assert_num_queries):
    for problem in reports.values():
        problem_status_change(problem=problem, status=ProblemStatus.REVIEWING, actor=staff)
        answer_add(problem=problem, author=staff, body="확인했습니다. 곧 처리하겠습니다.")
    with django_assert_num_queries(1):
        data = as_json(client.get(f"{BASE}/servicerequestupdates.json"))
    assert len(data) == 6
