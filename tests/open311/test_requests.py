"""Open311 GeoReport v2 (read-only): services, requests (public only, minors rounded), status
mapping, date and id validation in the spec's error format, pagination, constant query count."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from soslab.problems.models import ProblemPhoto, ProblemStatus, TimelineEntry, TimelineKind
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

BASE = "/open311/v2"


@pytest.fixture
def reports(dongs):
    air = CategoryFactory(slug="air", name="대기환경", name_en="Air quality", description="공기")
    road = CategoryFactory(slug="road", name="도로", name_en="Roads")
    adult = ProblemFactory(
        category=air,
        dong=dongs["중앙동"],
        lat=35.819891,
        lon=127.141113,
        location_text="전주천 산책로 입구",
        title="매연이 심해요",
        description="버스 정류장 앞 매연이 너무 심합니다.",
        created_at=timezone.make_aware(datetime(2026, 11, 1, 9, 30)),
    )
    teen = ProblemFactory(
        category=road,
        author=UserFactory(age_band=AgeBand.TEEN),
        lat=35.824249,
        lon=127.148067,
        status=ProblemStatus.SOLVED,
        created_at=timezone.make_aware(datetime(2026, 11, 10, 18, 0)),
    )
    hidden = ProblemFactory(category=air, moderation_state=ModerationState.HIDDEN)
    pending = ProblemFactory(category=air, moderation_state=ModerationState.PENDING)
    return {"adult": adult, "teen": teen, "hidden": hidden, "pending": pending}


def _json(response, status=200):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def _xml(response, status=200):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response, in a test)


def _ids(client, query=""):
    return {
        int(item["service_request_id"])
        for item in _json(client.get(f"{BASE}/requests.json{query}"))
    }


@pytest.mark.django_db
def test_services_json_and_xml(client, reports):
    services = _json(client.get(f"{BASE}/services.json"))
    by_code = {s["service_code"]: s for s in services}
    assert set(by_code) == {"air", "road"}
    assert by_code["air"] == {
        "service_code": "air",
        "service_name": "대기환경",
        "description": "공기",
        "metadata": False,
        "type": "realtime",
        "keywords": "대기환경, Air quality",
    }
    root = _xml(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    codes = {s.findtext("service_code") for s in root.findall("service")}
    assert codes == {"air", "road"}
    assert root.find("service/metadata").text == "false"


@pytest.mark.django_db
def test_services_in_english(client, reports):
    services = _json(client.get(f"{BASE}/services.json", HTTP_ACCEPT_LANGUAGE="en"))
    assert {s["service_name"] for s in services} >= {"Air quality", "Roads"}


@pytest.mark.django_db
def test_requests_json_shape_and_only_public(client, reports):
    adult = reports["adult"]
    TimelineEntry.objects.create(problem=adult, kind=TimelineKind.STATUS, note="현장 확인 예정")
    TimelineEntry.objects.create(problem=adult, kind=TimelineKind.STATUS, note="")
    ProblemPhoto.objects.create(
        problem=adult, image="problems/2026/11/a.jpg", thumbnail="t.jpg", width=4, height=3
    )
    items = _json(client.get(f"{BASE}/requests.json"))
    assert [item["service_request_id"] for item in items] == [
        str(reports["teen"].pk),
        str(adult.pk),
    ]
    item = items[1]
    assert item["status"] == "open"
    assert item["status_notes"] == "현장 확인 예정"
    assert item["service_code"] == "air"
    assert item["service_name"] == "대기환경"
    assert item["description"] == "매연이 심해요: 버스 정류장 앞 매연이 너무 심합니다."
    assert item["agency_responsible"] == "전주시"
    assert item["requested_datetime"] == "2026-11-01T09:30:00+09:00"
    assert item["updated_datetime"].endswith("+09:00")
    assert item["address"] == "전주천 산책로 입구, 완산구 중앙동"
    assert (item["lat"], item["long"]) == (35.819891, 127.141113)
    assert item["media_url"] == "http://testserver/media/public/problems/2026/11/a.jpg"
    assert "author" not in json.dumps(items)


@pytest.mark.django_db
def test_minors_points_are_rounded(client, reports):
    items = {int(i["service_request_id"]): i for i in _json(client.get(f"{BASE}/requests.json"))}
    teen = items[reports["teen"].pk]
    assert (teen["lat"], teen["long"]) == (35.824, 127.148)
    root = _xml(client.get(f"{BASE}/requests/{reports['teen'].pk}.xml"))
    assert root.findtext("request/lat") == "35.824"
    assert root.findtext("request/long") == "127.148"


@pytest.mark.django_db
def test_requests_xml_shape(client, reports):
    root = _xml(client.get(f"{BASE}/requests.xml"))
    assert root.tag == "service_requests"
    requests = root.findall("request")
    assert [int(r.findtext("service_request_id")) for r in requests] == [
        reports["teen"].pk,
        reports["adult"].pk,
    ]
    assert requests[0].findtext("status") == "closed"
    assert requests[1].findtext("address") == "전주천 산책로 입구, 완산구 중앙동"
    assert requests[1].find("media_url") is None  # empty optional fields are omitted


@pytest.mark.django_db
@pytest.mark.parametrize(
    "problem_status,expected",
    [
        (ProblemStatus.RECEIVED, "open"),
        (ProblemStatus.REVIEWING, "open"),
        (ProblemStatus.OPEN_FOR_IDEAS, "open"),
        (ProblemStatus.IN_PROJECT, "open"),
        (ProblemStatus.SOLVED, "closed"),
        (ProblemStatus.NOT_FEASIBLE, "closed"),
        (ProblemStatus.DUPLICATE, "closed"),
    ],
)
def test_status_mapping_and_filter(client, db, problem_status, expected):
    problem = ProblemFactory(status=problem_status)
    (item,) = _json(client.get(f"{BASE}/requests/{problem.pk}.json"))
    assert item["status"] == expected
    assert _ids(client, f"?status={expected}") == {problem.pk}
    other = "closed" if expected == "open" else "open"
    assert _ids(client, f"?status={other}") == set()
    assert _ids(client, "?status=open,closed") == {problem.pk}


@pytest.mark.django_db
def test_filters_service_code_dates_and_ids(client, reports):
    adult, teen = reports["adult"], reports["teen"]
    assert _ids(client, "?service_code=air") == {adult.pk}
    assert _ids(client, "?service_code=nothing") == set()
    assert _ids(client, "?start_date=2026-11-05T00:00:00%2B09:00") == {teen.pk}
    assert _ids(client, "?end_date=2026-11-01") == {adult.pk}  # the whole day
    assert _ids(client, "?end_date=2026-11-01T09:00:00") == set()  # naive = Korea time
    assert _ids(client, "?start_date=2026-11-01&end_date=2026-11-10") == {adult.pk, teen.pk}
    # 00:30 UTC is 09:30 in Korea, the adult's report time: the bounds are inclusive.
    assert _ids(client, "?start_date=2026-11-01T00:30:00Z") == {adult.pk, teen.pk}
    assert _ids(client, "?start_date=2026-11-01T00:31:00Z") == {teen.pk}
    assert _ids(client, "?end_date=2026-11-01T09:30:00%2B09:00") == {adult.pk}
    hidden = reports["hidden"].pk
    assert _ids(client, f"?service_request_id={adult.pk},{hidden},{teen.pk}") == {
        adult.pk,
        teen.pk,
    }
    # Request ids win over every other filter, as the spec says.
    assert _ids(client, f"?service_request_id={teen.pk}&service_code=air") == {teen.pk}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,word",
    [
        ("start_date=yesterday", "start_date"),
        ("end_date=2026-13-45", "end_date"),
        ("start_date=2026-11-10&end_date=2026-11-01", "start_date"),
        ("status=pending", "status"),
        ("service_request_id=1,abc", "service_request_id"),
        ("page=0", "page"),
        ("page_size=201", "page_size"),
        ("page_size=-3", "page_size"),
    ],
)
def test_bad_parameters_answer_400_in_the_spec_format(client, db, query, word):
    errors = _json(client.get(f"{BASE}/requests.json?{query}"), 400)
    assert len(errors) == 1 and errors[0]["code"] == 400
    assert word in errors[0]["description"]
    root = _xml(client.get(f"{BASE}/requests.xml?{query}"), 400)
    assert root.tag == "errors"
    assert root.findtext("error/code") == "400"
    assert word in root.findtext("error/description")


@pytest.mark.django_db
def test_errors_are_translated(client, db):
    (error,) = _json(
        client.get(f"{BASE}/requests.json?start_date=x", HTTP_ACCEPT_LANGUAGE="ko"), 400
    )
    assert "ISO 8601" in error["description"]
    assert any("\uac00" <= ch <= "\ud7a3" for ch in error["description"])


@pytest.mark.django_db
def test_single_request_and_unknown_hidden_or_pending_ids_are_404(client, reports):
    (item,) = _json(client.get(f"{BASE}/requests/{reports['adult'].pk}.json"))
    assert item["service_request_id"] == str(reports["adult"].pk)
    for key in ("hidden", "pending"):
        errors = _json(client.get(f"{BASE}/requests/{reports[key].pk}.json"), 404)
        assert errors[0]["code"] == 404 and errors[0]["description"]
    root = _xml(client.get(f"{BASE}/requests/999999.xml"), 404)
    assert root.findtext("error/code") == "404"


@pytest.mark.django_db
def test_pagination_default_max_and_next_link(client, db):
    category = CategoryFactory(slug="bulk")
    now = timezone.now()
    problems = [
        ProblemFactory(category=category, created_at=now - timedelta(minutes=i)) for i in range(53)
    ]
    response = client.get(f"{BASE}/requests.json")
    first = _json(response)
    assert len(first) == 50
    assert [i["service_request_id"] for i in first] == [str(p.pk) for p in problems[:50]]
    assert 'rel="next"' in response["Link"] and "page=2" in response["Link"]
    response = client.get(f"{BASE}/requests.json?page=2")
    assert [i["service_request_id"] for i in _json(response)] == [str(p.pk) for p in problems[50:]]
    assert "Link" not in response
    assert len(_json(client.get(f"{BASE}/requests.json?page_size=200"))) == 53
    assert _json(client.get(f"{BASE}/requests.json?page=9")) == []


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_request_list_query_count_is_constant(client, db, django_assert_num_queries, fmt):
    category = CategoryFactory(slug="count")

    def add(count):
        for _ in range(count):
            problem = ProblemFactory(category=category, author=UserFactory(age_band=AgeBand.TEEN))
            TimelineEntry.objects.create(problem=problem, kind=TimelineKind.STATUS, note="메모")
            ProblemPhoto.objects.create(
                problem=problem, image="problems/p.jpg", thumbnail="t.jpg", width=4, height=3
            )

    add(2)
    with django_assert_num_queries(1):
        client.get(f"{BASE}/requests.{fmt}?service_code=count&status=open")
    add(30)
    with django_assert_num_queries(1):
        response = client.get(f"{BASE}/requests.{fmt}?service_code=count&status=open")
    assert response.status_code == 200


@pytest.mark.django_db
def test_discovery(client, db):
    data = _json(client.get(f"{BASE}/discovery.json"))
    (endpoint,) = data["endpoints"]
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(endpoint["formats"]) == {"application/json", "text/xml"}


@pytest.mark.django_db
def test_open_data_page_links_open311(client, db):
    html = client.get("/open-data/").content.decode()
    assert "/open311/v2/discovery.json" in html
    assert "/open311/v2/requests.json" in html
