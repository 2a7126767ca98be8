"""Parsers for traffic-safety open data (formats documented in docs/geo.md).

- Accident hotspots (사고다발지역) as the national TAAS / 도로교통공단 service publishes them: the
  data.go.kr API JSON (`B552061/frequentzoneLg` etc., items with afos_fid, spot_nm, occrrnc_cnt,
  caslt_cnt, dth_dnv_cnt, lo_crd, la_crd, geom_json ...), the same rows as CSV (English or the
  Korean headers of the file download), or a GeoJSON FeatureCollection with those properties.
- School zones (어린이보호구역) as the national standard dataset (전국어린이보호구역표준데이터):
  CSV or GeoJSON with 대상시설명, 위도, 경도, 시설종류, 소재지도로명주소 ...

Every row is validated before anything is stored: a file with a bad row raises TrafficFormatError
naming the rows, and the command stores nothing. Rows outside Jeonju are skipped and counted.
"""

import csv
import hashlib
import io
import json

from . import boundaries

ACCIDENT_ALIASES = {
    "afos_fid": ("afos_fid", "사고다발지fid", "사고다발지FID"),
    "afos_id": ("afos_id", "사고다발지id", "사고다발지ID"),
    "spot_nm": ("spot_nm", "지점명"),
    "occrrnc_cnt": ("occrrnc_cnt", "사고건수", "발생건수"),
    "caslt_cnt": ("caslt_cnt", "사상자수"),
    "dth_dnv_cnt": ("dth_dnv_cnt", "사망자수"),
    "lo_crd": ("lo_crd", "경도"),
    "la_crd": ("la_crd", "위도"),
    "geom_json": ("geom_json", "다발지역폴리곤"),
    "year": ("searchYearCd", "year", "연도"),
}
SCHOOL_ALIASES = {
    "name": ("대상시설명", "name", "facility_name"),
    "lat": ("위도", "latitude", "lat"),
    "lon": ("경도", "longitude", "lon"),
    "kind": ("시설종류", "facility_kind"),
    "address": ("소재지도로명주소", "소재지지번주소", "address"),
}


class TrafficFormatError(ValueError):
    """The file does not match the documented format; `problems` lists what is wrong."""

    def __init__(self, problems):
        super().__init__("; ".join(problems[:10]))
        self.problems = problems


def _pick(row, aliases):
    for alias in aliases:
        if alias in row and row[alias] not in (None, ""):
            return row[alias]
    return None


def _records(text, name):
    """Rows (dicts) and their geometry (or None) from CSV, GeoJSON or the TAAS API JSON."""
    stripped = text.lstrip("\ufeff").lstrip()
    if name.lower().endswith(".csv") or not stripped.startswith(("{", "[")):
        return [(row, None) for row in csv.DictReader(io.StringIO(stripped))]
    try:
        data = json.loads(stripped)
    except ValueError as exc:
        raise TrafficFormatError([f"not valid JSON: {exc}"]) from exc
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return [
            (feature.get("properties") or {}, feature.get("geometry"))
            for feature in data.get("features", [])
        ]
    items = data
    if isinstance(data, dict):
        if str(data.get("resultCode", "00")) != "00":
            raise TrafficFormatError([f"resultCode {data.get('resultCode')!r}"])
        items = (data.get("items") or {}).get("item", []) if "items" in data else None
        if items is None:
            raise TrafficFormatError(["no items.item list and not a FeatureCollection"])
        if isinstance(items, dict):
            items = [items]
    if not isinstance(items, list):
        raise TrafficFormatError(["items is not a list"])
    return [(item, None) for item in items]


def _float(value, label, index, problems):
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        problems.append(f"row {index}: {label} is not a number ({value!r})")
        return None


def _int(value):
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError):
        return 0


def _point(row, geometry, lat_key, lon_key, index, problems):
    if geometry and geometry.get("type") == "Point":
        lon, lat = geometry["coordinates"][:2]
        return float(lat), float(lon)
    lat = _float(row.get(lat_key), "latitude", index, problems)
    lon = _float(row.get(lon_key), "longitude", index, problems)
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(f"row {index}: coordinates out of range ({lat}, {lon})")
        return None, None
    return lat, lon


def parse_accident_hotspots(text, name="data.json"):
    """(rows for traffic_spots_store, skipped outside Jeonju). Raises TrafficFormatError."""
    rows, problems, skipped = [], [], 0
    for index, (raw, geometry) in enumerate(_records(text, name), start=1):
        row = {key: _pick(raw, aliases) for key, aliases in ACCIDENT_ALIASES.items()}
        ext_id = row["afos_fid"] or row["afos_id"]
        if not ext_id or not row["spot_nm"]:
            problems.append(f"row {index}: afos_fid and spot_nm are required")
            continue
        lat, lon = _point(row, geometry, "la_crd", "lo_crd", index, problems)
        if lat is None or lon is None:
            continue
        area = None
        if row["geom_json"]:
            try:
                area = (
                    json.loads(row["geom_json"])
                    if isinstance(row["geom_json"], str)
                    else row["geom_json"]
                )
            except ValueError:
                problems.append(f"row {index}: geom_json is not valid GeoJSON")
                continue
        elif geometry and geometry.get("type") in ("Polygon", "MultiPolygon"):
            area = geometry
        if not boundaries.in_city(lon, lat):
            skipped += 1
            continue
        rows.append(
            {
                "external_id": str(ext_id),
                "name": str(row["spot_nm"])[:200],
                "lat": lat,
                "lon": lon,
                "area": area,
                "accidents": _int(row["occrrnc_cnt"]),
                "casualties": _int(row["caslt_cnt"]),
                "deaths": _int(row["dth_dnv_cnt"]),
                "period": str(row["year"] or "")[:20],
            }
        )
    if problems:
        raise TrafficFormatError(problems)
    return rows, skipped


def parse_school_zones(text, name="data.csv"):
    """(rows for traffic_spots_store, skipped outside Jeonju). Raises TrafficFormatError."""
    rows, problems, skipped = [], [], 0
    for index, (raw, geometry) in enumerate(_records(text, name), start=1):
        row = {key: _pick(raw, aliases) for key, aliases in SCHOOL_ALIASES.items()}
        if not row["name"]:
            problems.append(f"row {index}: 대상시설명 (facility name) is required")
            continue
        lat, lon = _point(row, geometry, "lat", "lon", index, problems)
        if lat is None or lon is None:
            continue
        if not boundaries.in_city(lon, lat):
            skipped += 1
            continue
        # The standard dataset has no identifier: name + rounded position identify a zone.
        ext_id = hashlib.sha1(  # noqa: S324 - an identifier, not security
            f"{row['name']}|{lat:.5f}|{lon:.5f}".encode()
        ).hexdigest()[:20]
        rows.append(
            {
                "external_id": ext_id,
                "name": str(row["name"])[:200],
                "lat": lat,
                "lon": lon,
                "period": "",
            }
        )
    if problems:
        raise TrafficFormatError(problems)
    return rows, skipped
