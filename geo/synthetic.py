"""Deterministic synthetic data for the demo, labelled "합성 데이터 (synthetic)" wherever shown.

No licensed hourly AirKorea readings or TAAS hotspots for Jeonju exist in this project (see
fixtures/jeonju/SOURCES.md), so the demo uses values from these generators. The same station and
hour always give the same numbers (a hash, not a random seed shared across calls), so reloading the
demo never changes a stored value.
"""

import hashlib
import math
from datetime import timedelta

from .air import grade_code
from .airkorea import ParsedReading

SYNTHETIC_LABEL = "합성 데이터 (synthetic)"


def _unit(*parts):
    """A stable pseudo-random number in [0, 1) from the given parts."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def synthetic_reading(station_name, hour):
    """A plausible hourly reading: a daily cycle (morning and evening rush peaks), a slow multi-day
    wave shared by all stations (weather), a per-station offset and hourly noise."""
    hours_since_epoch = int(hour.timestamp() // 3600)
    local_hour = hour.hour
    day_wave = 0.5 + 0.5 * math.sin(hours_since_epoch / 24 / 3 * 2 * math.pi)  # ~6-day cycle
    rush = math.exp(-((local_hour - 8) ** 2) / 6) + 0.8 * math.exp(-((local_hour - 19) ** 2) / 8)
    offset = _unit(station_name, "offset") * 12
    noise = _unit(station_name, hours_since_epoch, "pm10") * 14 - 7
    pm10 = max(5.0, round(22 + 70 * day_wave + 25 * rush + offset + noise))
    pm25 = max(3.0, round(pm10 * (0.42 + 0.15 * _unit(station_name, hours_since_epoch, "ratio"))))
    o3 = round(0.012 + 0.045 * max(0.0, math.sin((local_hour - 6) / 24 * 2 * math.pi)), 3)
    no2 = round(0.008 + 0.02 * rush + 0.006 * _unit(station_name, hours_since_epoch, "no2"), 3)
    co = round(0.3 + 0.3 * rush, 1)
    so2 = round(0.002 + 0.002 * _unit(station_name, hours_since_epoch, "so2"), 3)
    return ParsedReading(
        hour=hour,
        pm10=float(pm10),
        pm25=float(pm25),
        o3=o3,
        no2=no2,
        co=co,
        so2=so2,
        pm10_grade=grade_code("pm10", pm10),
        pm25_grade=grade_code("pm25", pm25),
    )


def synthetic_series(station_name, end_hour, hours):
    """`hours` synthetic readings ending at end_hour (aware, on the hour), oldest first."""
    return [
        synthetic_reading(station_name, end_hour - timedelta(hours=offset))
        for offset in range(hours - 1, -1, -1)
    ]


# Synthetic traffic-safety places near real Jeonju landmarks (coordinates approximate).
SYNTHETIC_ACCIDENT_HOTSPOTS = [
    ("SYN-A01", "전북대 정문 앞 교차로 (합성)", 35.84690, 127.12950, 9, 13),
    ("SYN-A02", "전주역 앞 사거리 (합성)", 35.84980, 127.16150, 7, 10),
    ("SYN-A03", "객사 앞 충경로 (합성)", 35.81960, 127.14480, 6, 8),
    ("SYN-A04", "효자동 서부신시가지 사거리 (합성)", 35.81540, 127.11230, 8, 12),
    ("SYN-A05", "금암광장 (합성)", 35.83680, 127.13600, 10, 15),
    ("SYN-A06", "삼천동 거마공원 앞 (합성)", 35.80240, 127.12160, 5, 6),
    ("SYN-A07", "송천동 에코시티 입구 (합성)", 35.87120, 127.12210, 6, 9),
    ("SYN-A08", "혁신도시 법조타운 앞 (합성)", 35.83620, 127.06520, 5, 7),
]

SYNTHETIC_SCHOOL_ZONES = [
    ("SYN-S01", "전주중앙초등학교 어린이보호구역 (합성)", 35.82090, 127.14090),
    ("SYN-S02", "전주서신초등학교 어린이보호구역 (합성)", 35.83280, 127.11890),
    ("SYN-S03", "전주송천초등학교 어린이보호구역 (합성)", 35.86420, 127.11960),
    ("SYN-S04", "전주효자초등학교 어린이보호구역 (합성)", 35.80580, 127.10990),
    ("SYN-S05", "전주인후초등학교 어린이보호구역 (합성)", 35.83700, 127.15700),
]


def synthetic_traffic_rows():
    """(accident rows, school-zone rows) in the shape geo.services.traffic_spots_store takes."""
    accidents = [
        {
            "external_id": ext_id,
            "name": name,
            "lat": lat,
            "lon": lon,
            "accidents": accidents,
            "casualties": casualties,
            "deaths": 0,
            "period": "synthetic",
        }
        for ext_id, name, lat, lon, accidents, casualties in SYNTHETIC_ACCIDENT_HOTSPOTS
    ]
    schools = [
        {"external_id": ext_id, "name": name, "lat": lat, "lon": lon, "period": "synthetic"}
        for ext_id, name, lat, lon in SYNTHETIC_SCHOOL_ZONES
    ]
    return accidents, schools
