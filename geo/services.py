"""Geo services: dongs and the point-in-dong lookup, air-quality stations and readings, distances
in the metric CRS, the traffic layer, and the air-quality evidence near a problem's point."""

import csv
import math
from datetime import timedelta
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.db import connections, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from pyproj import Transformer

from soslab.core.db import bulk_upsert

from . import boundaries
from .charts import pm_chart
from .models import AirReading, AirStation, Dong, TrafficKind, TrafficSpot


def dongs_sync():
    """Create or update the 35 Dong rows from the shipped boundary data. Idempotent."""
    rows = {}
    with open(settings.GEO_DATA_DIR / "jeonju_admdong_codes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows[row["adm_cd2"]] = row
    created = 0
    for record in boundaries.dongs().itertuples():
        extra = rows[record.code]
        _, was_created = Dong.objects.update_or_create(
            code=record.code,
            defaults={
                "code_2024": record.code_2024,
                "kostat_code": record.kostat_code,
                "name": record.name,
                "gu": record.gu,
                "area_km2": float(extra["area_km2"]),
                "rep_lon": float(extra["rep_lon"]),
                "rep_lat": float(extra["rep_lat"]),
            },
        )
        created += was_created
    return created


def dong_for_point(lon, lat):
    """The Dong containing the point, or None outside Jeonju."""
    code = boundaries.dong_code_at(lon, lat)
    if code is None:
        return None
    return Dong.objects.filter(code=code).first()


# --- Air-quality stations and readings ----------------------------------------------------


def stations_sync():
    """Create or update the 7 AirKorea stations from fixtures/jeonju/. Idempotent; returns how
    many were created. Dongs must be synced first (the station's dong is looked up by code)."""
    dong_ids = dict(Dong.objects.values_list("code", "pk"))
    created = 0
    with (
        transaction.atomic(),
        open(settings.GEO_DATA_DIR / "jeonju_airkorea_stations.csv", encoding="utf-8") as fh,
    ):
        for row in csv.DictReader(fh):
            _, was_created = AirStation.objects.update_or_create(
                name=row["station_name"],
                defaults={
                    "lat": float(row["lat"]),
                    "lon": float(row["lon"]),
                    "dong_id": dong_ids.get(row["adm_cd2"]),
                    "network": "도시대기",
                },
            )
            created += was_created
    return created


READING_FIELDS = (
    "pm10",
    "pm25",
    "o3",
    "no2",
    "co",
    "so2",
    "khai",
    "pm10_grade",
    "pm25_grade",
    "khai_grade",
    "flags",
)
READING_VALUES = READING_FIELDS[:-1]  # the numbers and grades, stored as they are


@lru_cache(maxsize=20_000)
def _db_time(alias, hour):
    """An hour as the database stores it; cached, as every station of an import has the same hours."""
    return connections[alias].ops.adapt_datetimefield_value(hour)


def air_readings_store(*, station, readings, source):
    """Upsert fully parsed readings (geo.airkorea.ParsedReading) for one station, keyed on
    (station, hour), in one transaction. Returns (created, updated). Storing the same hours
    again updates them in place and never adds rows. One bulk `INSERT ... ON CONFLICT DO UPDATE`
    (soslab.core.db.bulk_upsert): a year of one station (8,760 hours) in well under a second."""
    readings = list(readings)
    if not readings:
        return 0, 0
    alias = AirReading.objects.db
    connection = connections[alias]
    flags_field = AirReading._meta.get_field("flags")
    no_flags = flags_field.get_db_prep_save({}, connection)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [
        (
            station.pk,
            _db_time(alias, reading.hour),
            source,
            now,
            *(getattr(reading, name) for name in READING_VALUES),
            flags_field.get_db_prep_save(reading.flags, connection) if reading.flags else no_flags,
        )
        for reading in readings
    ]
    hours = {reading.hour for reading in readings}
    stored = AirReading.objects.filter(station=station, hour__range=(min(hours), max(hours)))
    with transaction.atomic():
        before = stored.count()
        bulk_upsert(
            AirReading,
            fields=["station", "hour", "source", "updated_at", *READING_VALUES, "flags"],
            rows=rows,
            unique_fields=["station", "hour"],
        )
        created = stored.count() - before  # an hour either was stored (updated) or is new
    return created, len(hours) - created


def latest_readings():
    """{station_id: AirReading} of each station's newest reading with a PM value, in 2 queries."""
    newest = (
        AirReading.objects.filter(station=OuterRef("pk"))
        .exclude(pm10__isnull=True, pm25__isnull=True)
        .order_by("-hour")
        .values("pk")[:1]
    )
    pairs = AirStation.objects.annotate(latest_id=Subquery(newest)).values_list("pk", "latest_id")
    pairs = [(station_id, reading_id) for station_id, reading_id in pairs if reading_id]
    readings = AirReading.objects.in_bulk([reading_id for _, reading_id in pairs])
    return {station_id: readings[reading_id] for station_id, reading_id in pairs}


def nearest_station(lon, lat):
    """(AirStation, distance in metres) of the station nearest to a WGS84 point, or (None, None)."""
    stations = list(AirStation.objects.all())
    if not stations:
        return None, None
    distances = metres_between(
        lon, lat, [station.lon for station in stations], [station.lat for station in stations]
    )
    best = min(range(len(stations)), key=lambda index: distances[index])
    return stations[best], float(distances[best])


# --- Distances (always in the metric CRS, never in degrees) -------------------------------


@lru_cache(maxsize=1)
def _to_metric():
    return Transformer.from_crs(boundaries.WGS84, settings.GEO_METRIC_CRS, always_xy=True)


def metres_between(lon, lat, lons, lats):
    """Distances in metres from one WGS84 point to many, computed in settings.GEO_METRIC_CRS."""
    transformer = _to_metric()
    x0, y0 = transformer.transform(lon, lat)
    xs, ys = transformer.transform(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    return np.hypot(np.asarray(xs) - x0, np.asarray(ys) - y0)


def _degree_box(lon, lat, metres):
    """A generous WGS84 box around a point, to prefilter rows with indexed lat/lon ranges."""
    dlat = metres / 111_000 * 1.5
    dlon = metres / (111_000 * math.cos(math.radians(lat))) * 1.5
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


# --- Traffic layer ------------------------------------------------------------------------


TRAFFIC_FLAG_METRES = 100


def traffic_hotspots_near(lon, lat, metres=TRAFFIC_FLAG_METRES):
    """Accident hotspots (TrafficSpot, kind accident) within `metres` of a WGS84 point, nearest
    first; each has a `distance_m` attribute. Used by the problem page to flag traffic problems."""
    if lon is None or lat is None:
        return []
    min_lon, min_lat, max_lon, max_lat = _degree_box(lon, lat, metres)
    candidates = list(
        TrafficSpot.objects.filter(
            kind=TrafficKind.ACCIDENT_HOTSPOT,
            lat__range=(min_lat, max_lat),
            lon__range=(min_lon, max_lon),
        )
    )
    if not candidates:
        return []
    distances = metres_between(
        lon, lat, [spot.lon for spot in candidates], [spot.lat for spot in candidates]
    )
    near = []
    for spot, distance in zip(candidates, distances, strict=True):
        if distance <= metres:
            spot.distance_m = float(distance)
            near.append(spot)
    return sorted(near, key=lambda spot: spot.distance_m)


def traffic_spots_store(*, kind, rows, synthetic=False):
    """Upsert parsed traffic rows (dicts with external_id, name, lat, lon, ...) keyed on
    (kind, external_id), in one transaction. Returns (created, updated)."""
    created = updated = 0
    with transaction.atomic():
        for row in rows:
            _, was_created = TrafficSpot.objects.update_or_create(
                kind=kind,
                external_id=row["external_id"],
                defaults={key: value for key, value in row.items() if key != "external_id"}
                | {"synthetic": synthetic},
            )
            created += was_created
            updated += not was_created
    return created, updated


# --- Evidence for problem pages -----------------------------------------------------------

EVIDENCE_HOURS = 24


def is_air_problem(problem):
    """True when the problem's category is about air quality (settings.GEO_AIR_CATEGORY_SLUGS)."""
    category = getattr(problem, "category", None)
    return bool(category and category.slug in settings.GEO_AIR_CATEGORY_SLUGS)


def air_evidence_for(problem):
    """The nearest station's readings 24 h before and after an air-quality problem was reported,
    for the problem page (template include geo/air_evidence.html). None when the problem is not
    about air, has no point, or there are no stations. Two queries."""
    lat, lon, _approximate = problem.public_point  # a distance to the exact point would leak it
    if not is_air_problem(problem) or lat is None:
        return None
    station, distance = nearest_station(lon, lat)
    if station is None:
        return None
    start = problem.created_at - timedelta(hours=EVIDENCE_HOURS)
    end = problem.created_at + timedelta(hours=EVIDENCE_HOURS)
    readings = list(
        AirReading.objects.filter(station=station, hour__gte=start, hour__lte=end).order_by("hour")
    )
    title = _("PM10 and PM2.5 at %(station)s station around the report") % {"station": station.name}
    description = _(
        "Hourly readings from 24 hours before to 24 hours after the problem was reported; "
        "the vertical line marks the report. The table below has the same values."
    )
    return {
        "station": station,
        "distance_m": round(distance),
        "readings": readings,
        "synthetic": any(reading.is_synthetic for reading in readings),
        "reported_at": problem.created_at,
        "chart": pm_chart(
            readings,
            title=title,
            description=description,
            start=start,
            end=end,
            marker=problem.created_at,
        )
        if readings
        else None,
    }
