"""AirKorea-shaped sample responses generated for these tests (synthetic values, not real data)."""

import copy


def item(data_time, **overrides):
    base = {
        "dataTime": data_time,
        "so2Value": "0.003",
        "coValue": "0.4",
        "o3Value": "0.031",
        "no2Value": "0.015",
        "pm10Value": "48",
        "pm25Value": "21",
        "khaiValue": "72",
        "khaiGrade": "2",
        "so2Grade": "1",
        "coGrade": "1",
        "o3Grade": "2",
        "no2Grade": "1",
        "pm10Grade": "2",
        "pm25Grade": "2",
        "so2Flag": None,
        "coFlag": None,
        "o3Flag": None,
        "no2Flag": None,
        "pm10Flag": None,
        "pm25Flag": None,
    }
    base.update(overrides)
    return base


def response(items, code="00", message="NORMAL_CODE"):
    # Key order differs between real responses: body before header here on purpose.
    return {
        "response": {
            "body": {
                "totalCount": len(items),
                "items": copy.deepcopy(items),
                "pageNo": 1,
                "numOfRows": 100,
            },
            "header": {"resultMsg": message, "resultCode": code},
        }
    }


DAY = [
    item("2026-11-20 24:00"),
    item("2026-11-20 23:00", pm10Value="-", pm25Value="", pm10Grade=None, pm25Grade=None),
    item(
        "2026-11-20 22:00",
        so2Value="-",
        coValue="-",
        so2Grade=None,
        coGrade=None,
        so2Flag="통신장애",
        coFlag="통신장애",
    ),
    item("2026-11-20 21:00", pm10Value="161", pm25Value="80", pm10Grade="4", pm25Grade="4"),
]
