"""The AirKorea parser on each documented trap (fixtures/jeonju/AIRKOREA_API_FORMAT.md)."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from geo import airkorea
from geo.air import grade_code, grade_for

from .samples import DAY, item, response

KST = ZoneInfo("Asia/Seoul")


def test_parses_a_whole_day_newest_first():
    readings = airkorea.parse_response(response(DAY))
    assert [r.hour.isoformat() for r in readings] == [
        "2026-11-21T00:00:00+09:00",
        "2026-11-20T23:00:00+09:00",
        "2026-11-20T22:00:00+09:00",
        "2026-11-20T21:00:00+09:00",
    ]
    first = readings[0]
    assert (first.pm10, first.pm25, first.o3, first.co) == (48.0, 21.0, 0.031, 0.4)
    assert (first.pm10_grade, first.pm25_grade, first.khai_grade) == (2, 2, 2)


def test_24_00_is_midnight_of_the_next_day_in_kst():
    hour = airkorea.parse_data_time("2025-12-31 24:00")
    assert hour == datetime(2026, 1, 1, 0, 0, tzinfo=KST)
    assert hour.utcoffset().total_seconds() == 9 * 3600


@pytest.mark.parametrize(
    "value",
    [
        "2025-05-09 25:00",
        "2025-05-09 24:30",
        "2025-02-30 01:00",
        "2025/05/09 01:00",
        "",
        None,
        1715266800,
    ],
)
def test_impossible_or_unexpected_data_time_is_malformed(value):
    with pytest.raises(airkorea.MalformedResponse):
        airkorea.parse_data_time(value)


def test_dash_and_empty_string_are_missing_values_not_zero():
    reading = airkorea.parse_response(response(DAY))[1]
    assert reading.pm10 is None
    assert reading.pm25 is None
    assert reading.pm10_grade is None


def test_failure_flags_are_kept_and_their_values_missing():
    reading = airkorea.parse_response(response(DAY))[2]
    assert reading.flags == {"so2": "통신장애", "co": "통신장애"}
    assert reading.so2 is None and reading.co is None
    assert reading.pm10 == 48.0


def test_success_is_result_code_00_whatever_the_message_says():
    assert airkorea.parse_response(response(DAY, message="NORMAL SERVICE"))
    assert airkorea.parse_response(response(DAY, message="anything"))
    with pytest.raises(airkorea.AirKoreaError) as info:
        airkorea.parse_response(response(DAY, code="30", message="NORMAL_CODE"))
    assert not isinstance(info.value, airkorea.MalformedResponse)


def test_numbers_arrive_as_strings_and_bad_strings_are_malformed():
    assert airkorea.parse_number(" 48 ", "pm10") == 48.0
    for bad in ("abc", "NaN", "-5", "1e999", [], {}):
        with pytest.raises(airkorea.MalformedResponse):
            airkorea.parse_number(bad, "pm10")


def test_one_bad_item_rejects_the_whole_response():
    items = [*DAY, item("2026-11-20 20:00", pm10Value="forty")]
    with pytest.raises(airkorea.MalformedResponse):
        airkorea.parse_response(response(items))


@pytest.mark.parametrize(
    "payload",
    [
        b"<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg></cmmMsgHeader></OpenAPI_ServiceResponse>",
        b"{}",
        json.dumps({"response": {"header": {"resultCode": "00"}}}).encode(),
        json.dumps({"response": {"header": {"resultCode": "00"}, "body": {"items": "x"}}}).encode(),
        json.dumps(response([item("2026-11-20 01:00"), item("2026-11-20 01:00")])).encode(),
        json.dumps(response([item("2026-11-20 01:00", pm10Grade="5")])).encode(),
    ],
    ids=["xml-error", "empty", "no-body", "items-not-list", "duplicate-hour", "bad-grade"],
)
def test_malformed_responses_are_rejected(payload):
    with pytest.raises(airkorea.MalformedResponse):
        airkorea.parse_response(payload)


def test_xml_shaped_items_wrapper_is_accepted():
    data = response([])
    data["response"]["body"]["items"] = {"item": item("2026-11-20 01:00")}
    assert len(airkorea.parse_response(data)) == 1


@pytest.mark.parametrize(
    ("pollutant", "value", "code"),
    [
        ("pm10", 0, 1),
        ("pm10", 30, 1),
        ("pm10", 31, 2),
        ("pm10", 80, 2),
        ("pm10", 81, 3),
        ("pm10", 150, 3),
        ("pm10", 151, 4),
        ("pm25", 15, 1),
        ("pm25", 16, 2),
        ("pm25", 35, 2),
        ("pm25", 36, 3),
        ("pm25", 75, 3),
        ("pm25", 76, 4),
        ("pm25", None, None),
    ],
)
def test_korean_grade_breakpoints(pollutant, value, code):
    assert grade_code(pollutant, value) == code


def test_grades_have_korean_names_and_official_colours():
    assert grade_for("pm10", 10).korean == "좋음"
    assert grade_for("pm25", 90).korean == "매우나쁨"
    assert grade_for("pm10", 100).colour == "#fd9b5a"


def test_station_list_dmx_is_latitude_and_dmy_longitude():
    payload = {
        "response": {
            "header": {"resultCode": "00", "resultMsg": "NORMAL_CODE"},
            "body": {
                "items": [
                    {
                        "stationName": "삼천동",
                        "addr": "전북 전주시 완산구 (테스트)",
                        "dmX": "35.798951",
                        "dmY": "127.121677",
                        "mangName": "도시대기",
                    }
                ]
            },
        }
    }
    (station,) = airkorea.parse_station_list(payload)
    assert (station.lat, station.lon) == (35.798951, 127.121677)
    assert station.network == "도시대기"
    payload["response"]["body"]["items"][0]["dmX"] = "-"
    with pytest.raises(airkorea.MalformedResponse):
        airkorea.parse_station_list(payload)
