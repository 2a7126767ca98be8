"""Air-quality ingest: a year of hourly readings for the 7 Jeonju stations (61,320 rows;
BENCH_SCALE=small: a week, 1,176 rows) through `manage.py import_airquality` (CSV), twice: the
first run stores every hour, the second must change nothing but update the same rows in place.

    .venv/bin/python -m benchmarks bench_air

Goal (issue 13): the year in <= 3 s, idempotent. The CSV is written by this module from the
deterministic synthetic generator (geo.synthetic), so every run imports the same values.
"""

import csv
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.data import ensure_reference_data, scaled

HOURS = scaled(365 * 24, 7 * 24)
GOAL_S = 3.0
# A fixed year, so reruns import the same hours (the ingest upserts them in place).
LAST_HOUR = datetime.fromisoformat("2025-12-31T23:00:00+09:00")
FIELDS = ("pm10", "pm25", "o3", "no2", "co", "so2")


def _data_time(hour):
    """AirKorea's dataTime for the hour ending at `hour` ("24:00" for midnight)."""
    if hour.hour == 0:
        return f"{(hour - timedelta(days=1)):%Y-%m-%d} 24:00"
    return f"{hour:%Y-%m-%d %H}:00"


def _value(number):
    return "-" if number is None else str(number)


def write_csv(path, station_names):
    """One CSV row per station and hour with the AirKorea item field names. Returns the rows."""
    from geo.synthetic import synthetic_series

    rows = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["stationName", "dataTime", *(f"{name}Value" for name in FIELDS), "khaiValue"]
            + ["pm10Grade", "pm25Grade", "khaiGrade"]
        )
        for name in station_names:
            for reading in synthetic_series(name, LAST_HOUR, HOURS):
                writer.writerow(
                    [name, _data_time(reading.hour)]
                    + [_value(getattr(reading, field)) for field in FIELDS]
                    + ["-", _value(reading.pm10_grade), _value(reading.pm25_grade), "-"]
                )
                rows += 1
    return rows


def _import(path):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("import_airquality", str(path), stdout=_Quiet(), stderr=_Quiet())
    return time.perf_counter() - started


class _Quiet:
    def write(self, text):
        pass

    def flush(self):
        pass


def run(report):
    from geo.models import AirReading, AirStation

    ensure_reference_data()
    names = list(AirStation.objects.order_by("name").values_list("name", flat=True))
    start = LAST_HOUR - timedelta(hours=HOURS - 1)
    in_year = AirReading.objects.filter(hour__gte=start, hour__lte=LAST_HOUR)
    in_year.delete()  # a first import stores every hour; the second updates them
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "airquality.csv"
        rows = write_csv(path, names)
        report("air readings in the file", rows, "rows", f"({len(names)} stations)")
        first = _import(path)
        stored = in_year.count()
        second = _import(path)
        again = in_year.count()
    if stored != rows or again != rows:
        raise RuntimeError(f"expected {rows} readings, stored {stored} then {again}")
    verdict = "pass" if max(first, second) <= GOAL_S else "MISS"
    note = f"goal <= {GOAL_S:.0f} s at 61,320 rows: {verdict}" if HOURS >= 8760 else "(small)"
    report("air ingest, first import", first, "s", note)
    report("air ingest, same file again (idempotent)", second, "s", f"{again:,} rows, unchanged")
