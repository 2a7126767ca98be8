"""AirKorea real-time measurement client (getMsrstnAcctoRltmMesureDnsty) and a strict parser.

The format is documented in fixtures/jeonju/AIRKOREA_API_FORMAT.md. The traps handled here:
every value is a string (or null); "-" and "" mean missing; dataTime runs 01:00..24:00 and
"24:00" is 00:00 of the next day (KST); success is resultCode "00" whatever resultMsg says;
failure flags ("통신장애") come with "-" values and null grades.

`parse_response` validates the WHOLE response before returning anything, so a malformed answer
raises MalformedResponse and nothing is stored (the caller stores only a fully parsed list).
"""

import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import requests
from django.conf import settings

KST = ZoneInfo("Asia/Seoul")
DEFAULT_API_URL = (
    "https://apis.data.go.kr/B552584/ArpltnInforInqireSvc/getMsrstnAcctoRltmMesureDnsty"
)
POLLUTANTS = ("pm10", "pm25", "o3", "no2", "co", "so2")
GRADED = ("pm10", "pm25", "khai")
_DATA_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$")
MISSING = (None, "", "-")


class AirKoreaError(Exception):
    """The API answered, but not with usable data (error code, 4xx)."""


class MalformedResponse(AirKoreaError):
    """The response is not the documented structure; nothing from it may be stored."""


class TransientError(AirKoreaError):
    """A timeout, connection failure or 5xx: worth retrying later."""


@dataclass(frozen=True)
class ParsedReading:
    hour: datetime  # aware, Asia/Seoul, the end of the measured hour
    pm10: float | None = None
    pm25: float | None = None
    o3: float | None = None
    no2: float | None = None
    co: float | None = None
    so2: float | None = None
    khai: float | None = None
    pm10_grade: int | None = None
    pm25_grade: int | None = None
    khai_grade: int | None = None
    flags: dict = field(default_factory=dict)


def parse_number(value, name):
    """'48' -> 48.0; '-', '' and None -> None; anything else is malformed."""
    if value.__class__ is str:  # the usual case first: a year of readings is 430,000 values
        value = value.strip()
        if value in MISSING:
            return None
        try:
            number = float(value)
        except ValueError as exc:
            raise MalformedResponse(f"{name}: not a number: {value!r}") from exc
    elif value is None:
        return None
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise MalformedResponse(f"{name}: not a number: {value!r}")
    else:
        number = float(value)
    if not math.isfinite(number) or number < 0:
        raise MalformedResponse(f"{name}: out of range: {value!r}")
    return number


_GRADE_CODES = {"1": 1, "2": 2, "3": 3, "4": 4, 1: 1, 2: 2, 3: 3, 4: 4}


def parse_grade(value, name):
    """'1'..'4' -> 1..4; missing -> None."""
    if isinstance(value, str):
        value = value.strip()
    if value in MISSING:
        return None
    if value.__class__ not in (str, int) or value not in _GRADE_CODES:
        raise MalformedResponse(f"{name}: not a grade: {value!r}")
    return _GRADE_CODES[value]


def parse_data_time(value):
    """'2025-05-09 24:00' -> 2025-05-10 00:00+09:00 (aware, KST)."""
    if not isinstance(value, str):
        raise MalformedResponse(f"dataTime: unexpected format: {value!r}")
    return _parse_data_time(value)


@lru_cache(maxsize=100_000)
def _parse_data_time(value):
    """Cached: every station of an import repeats the same hours."""
    match = _DATA_TIME.match(value.strip())
    if not match:
        raise MalformedResponse(f"dataTime: unexpected format: {value!r}")
    year, month, day, hour, minute = (int(part) for part in match.groups())
    if hour > 24 or minute > 59 or (hour == 24 and minute != 0):
        raise MalformedResponse(f"dataTime: impossible time: {value!r}")
    try:
        base = datetime(year, month, day, tzinfo=KST)
    except ValueError as exc:
        raise MalformedResponse(f"dataTime: impossible date: {value!r}") from exc
    return base + timedelta(hours=hour, minutes=minute)


def parse_item(item):
    if not isinstance(item, dict):
        raise MalformedResponse(f"item is not an object: {item!r}")
    if "dataTime" not in item:
        raise MalformedResponse("item without dataTime")
    values = {name: parse_number(item.get(f"{name}Value"), f"{name}Value") for name in POLLUTANTS}
    values["khai"] = parse_number(item.get("khaiValue"), "khaiValue")
    grades = {
        f"{name}_grade": parse_grade(item.get(f"{name}Grade"), f"{name}Grade") for name in GRADED
    }
    flags = {}
    for name in POLLUTANTS:
        flag = item.get(f"{name}Flag")
        if flag not in (None, ""):
            if not isinstance(flag, str):
                raise MalformedResponse(f"{name}Flag: not text: {flag!r}")
            flags[name] = flag.strip()
    return ParsedReading(hour=parse_data_time(item["dataTime"]), flags=flags, **values, **grades)


def parse_response(payload):
    """Validate and parse a whole response (bytes, str or decoded JSON) into ParsedReadings,
    newest first as sent. Raises AirKoreaError for an error result code, MalformedResponse for
    anything that is not the documented structure. Never returns a partial list."""
    if isinstance(payload, (bytes, str)):
        try:
            payload = json.loads(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            # data.go.kr answers key errors with an XML document even when JSON was asked for.
            raise MalformedResponse(f"not JSON: {str(payload)[:200]!r}") from exc
    try:
        response = payload["response"]
        header = response["header"]
        code = header["resultCode"]
    except (KeyError, TypeError) as exc:
        raise MalformedResponse("missing response.header.resultCode") from exc
    if str(code) != "00":
        raise AirKoreaError(f"resultCode {code!r}: {header.get('resultMsg', '')!r}")
    try:
        items = response["body"]["items"]
    except (KeyError, TypeError) as exc:
        raise MalformedResponse("missing response.body.items") from exc
    if isinstance(items, dict) and "item" in items:  # the XML-shaped variant
        items = items["item"]
        if isinstance(items, dict):
            items = [items]
    if not isinstance(items, list):
        raise MalformedResponse("response.body.items is not a list")
    readings = [parse_item(item) for item in items]
    hours = [reading.hour for reading in readings]
    if len(set(hours)) != len(hours):
        raise MalformedResponse("the same hour appears twice")
    return readings


def api_url():
    return getattr(settings, "AIRKOREA_API_URL", "") or DEFAULT_API_URL


def fetch_station(station_name, *, service_key, session=None, timeout=None, data_term="DAILY"):
    """GET the last day of hourly readings for one station. Raises TransientError (retry),
    AirKoreaError or MalformedResponse (do not retry: log, store nothing)."""
    http = session or requests
    timeout = timeout or getattr(settings, "AIRKOREA_TIMEOUT", (5, 20))
    params = {
        "serviceKey": service_key,
        "returnType": "json",
        "numOfRows": 100,
        "pageNo": 1,
        "stationName": station_name,
        "dataTerm": data_term,
        "ver": "1.3",
    }
    try:
        response = http.get(api_url(), params=params, timeout=timeout)
    except (requests.Timeout, requests.ConnectionError) as exc:
        raise TransientError(f"{station_name}: {exc.__class__.__name__}") from exc
    if response.status_code >= 500:
        raise TransientError(f"{station_name}: HTTP {response.status_code}")
    if response.status_code >= 400:
        raise AirKoreaError(f"{station_name}: HTTP {response.status_code}")
    return parse_response(response.content)


@dataclass(frozen=True)
class ParsedStation:
    name: str
    lat: float
    lon: float
    address: str = ""
    network: str = ""


def parse_station_list(payload):
    """Parse a getMsrstnList (MsrstnInfoInqireSvc) response. Trap: `dmX` is the LATITUDE and
    `dmY` the longitude, whatever the names suggest. Validates everything or raises."""
    if isinstance(payload, (bytes, str)):
        try:
            payload = json.loads(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            raise MalformedResponse("not JSON") from exc
    try:
        header = payload["response"]["header"]
        items = payload["response"]["body"]["items"]
    except (KeyError, TypeError) as exc:
        raise MalformedResponse("missing response.header or response.body.items") from exc
    if str(header.get("resultCode")) != "00":
        raise AirKoreaError(f"resultCode {header.get('resultCode')!r}")
    if not isinstance(items, list):
        raise MalformedResponse("response.body.items is not a list")
    stations = []
    for item in items:
        if not isinstance(item, dict) or not item.get("stationName"):
            raise MalformedResponse(f"station without a name: {item!r}")
        lat = parse_number(item.get("dmX"), "dmX")
        lon = parse_number(item.get("dmY"), "dmY")
        if lat is None or lon is None or not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
            raise MalformedResponse(f"{item['stationName']}: bad coordinates")
        stations.append(
            ParsedStation(
                name=item["stationName"].strip(),
                lat=lat,
                lon=lon,
                address=(item.get("addr") or "").strip(),
                network=(item.get("mangName") or "").strip(),
            )
        )
    return stations
