"""Storing readings: idempotent upsert by (station, hour), the import command, and the Celery task
against a real local HTTP server (timeouts retry; malformed answers store nothing)."""

import json
import threading
import time
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from geo import airkorea
from geo.models import AirReading, AirSource
from geo.services import air_readings_store
from geo.tasks import fetch_airkorea_readings, fetch_airkorea_station

from .samples import DAY, item, response


@pytest.mark.django_db
def test_there_are_seven_stations_with_their_dongs(stations):
    assert len(stations) == 7
    assert stations["혁신동"].dong.name == "여의동"  # the name is not its dong (SOURCES.md)
    assert stations["삼천동"].dong.name == "삼천1동"


@pytest.mark.django_db
def test_storing_the_same_hours_twice_keeps_one_row_per_hour(stations):
    station = stations["삼천동"]
    readings = airkorea.parse_response(response(DAY))
    assert air_readings_store(station=station, readings=readings, source=AirSource.IMPORT) == (4, 0)
    assert air_readings_store(station=station, readings=readings, source=AirSource.IMPORT) == (0, 4)
    assert AirReading.objects.filter(station=station).count() == 4


@pytest.mark.django_db
def test_many_hours_in_several_statements_count_new_and_updated_hours(stations):
    # 300 hours span several multi-row statements and a remainder (soslab.core.db.bulk_upsert).
    from geo.synthetic import synthetic_series

    end = airkorea.parse_data_time("2026-11-20 24:00")
    station = stations["삼천동"]
    first = synthetic_series(station.name, end - timedelta(hours=100), 200)
    assert air_readings_store(station=station, readings=first, source=AirSource.IMPORT) == (200, 0)
    later = synthetic_series(station.name, end, 200)  # 100 of these hours are stored already
    later[-1] = replace(later[-1], pm10=999.0, flags={"pm10": "점검중"})
    assert air_readings_store(station=station, readings=later, source=AirSource.IMPORT) == (
        100,
        100,
    )
    assert AirReading.objects.filter(station=station).count() == 300
    newest = AirReading.objects.get(station=station, hour=end)
    assert (newest.pm10, newest.flags) == (999.0, {"pm10": "점검중"})
    assert AirReading.objects.get(station=station, hour=end - timedelta(hours=250)).pm10 == (
        first[49].pm10  # first[0] is end - 299 h
    )


@pytest.mark.django_db
def test_a_corrected_value_updates_the_stored_hour(stations):
    station = stations["삼천동"]
    first = airkorea.parse_response(response([item("2026-11-20 05:00", pm10Value="-")]))
    air_readings_store(station=station, readings=first, source=AirSource.AIRKOREA)
    fixed = airkorea.parse_response(response([item("2026-11-20 05:00", pm10Value="55")]))
    air_readings_store(station=station, readings=fixed, source=AirSource.AIRKOREA)
    assert list(AirReading.objects.values_list("pm10", flat=True)) == [55.0]


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_command_json_twice_stores_each_hour_once(stations, tmp_path, capsys):
    path = _write(tmp_path, "day.json", json.dumps({"station": "노송동", **response(DAY)}))
    call_command("import_airquality", str(path))
    call_command("import_airquality", str(path))
    assert AirReading.objects.filter(station=stations["노송동"]).count() == 4
    out = capsys.readouterr().out
    assert "0 new hours, 4 updated" in out
    assert set(AirReading.objects.values_list("source", flat=True)) == {"import"}


@pytest.mark.django_db
def test_import_command_csv(stations, tmp_path):
    header = "stationName,dataTime,pm10Value,pm25Value,pm10Flag\n"
    rows = "효자동,2026-11-20 24:00,40,18,\n송천동,2026-11-20 24:00,-,-,통신장애\n"
    call_command("import_airquality", str(_write(tmp_path, "a.csv", header + rows)))
    reading = AirReading.objects.get(station=stations["송천동"])
    assert reading.pm10 is None
    assert reading.flags == {"pm10": "통신장애"}
    assert reading.hour.isoformat() == "2026-11-20T15:00:00+00:00"  # 21 Nov 00:00 KST


@pytest.mark.django_db
def test_import_command_with_one_bad_row_stores_nothing(stations, tmp_path):
    header = "stationName,dataTime,pm10Value,pm25Value\n"
    rows = "효자동,2026-11-20 23:00,40,18\n효자동,2026-11-20 24:30,40,18\n"
    with pytest.raises(CommandError, match="nothing stored"):
        call_command("import_airquality", str(_write(tmp_path, "bad.csv", header + rows)))
    assert AirReading.objects.count() == 0


@pytest.mark.django_db
def test_import_command_unknown_station_stores_nothing(stations, tmp_path):
    header = "stationName,dataTime,pm10Value\n"
    rows = "효자동,2026-11-20 23:00,40\n서울,2026-11-20 23:00,40\n"
    with pytest.raises(CommandError, match="nothing stored"):
        call_command("import_airquality", str(_write(tmp_path, "x.csv", header + rows)))
    assert AirReading.objects.count() == 0


# --- the Celery task against a real HTTP server ---------------------------------------------


class FakeAirKorea:
    """A local HTTP server that plays a script of answers: ("sleep", seconds), (status, body)."""

    def __init__(self, script):
        self.script = list(script)
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                fake.requests.append(self.path)
                kind, value = fake.script.pop(0) if fake.script else (200, response([]))
                if kind == "sleep":
                    time.sleep(value)
                    kind, value = 200, response(DAY)
                body = value if isinstance(value, bytes) else json.dumps(value).encode()
                try:
                    self.send_response(kind)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/getMsrstnAcctoRltmMesureDnsty"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_airkorea(settings):
    """Start a FakeAirKorea and point the client at it. Eager tasks must not propagate errors
    here, or Celery's eager Retry would surface as an exception instead of running the retry."""
    from soslab.celery import app

    servers = []
    propagates = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False

    def start(*script):
        server = FakeAirKorea(script)
        servers.append(server)
        settings.AIRKOREA_API_URL = server.url
        settings.AIRKOREA_SERVICE_KEY = "test-key"
        settings.AIRKOREA_TIMEOUT = (1, 0.3)
        return server

    yield start
    app.conf.task_eager_propagates = propagates
    for server in servers:
        server.close()


@pytest.mark.django_db
def test_task_stores_a_station_day(stations, fake_airkorea):
    server = fake_airkorea((200, response(DAY)))
    fetch_airkorea_station.apply(args=[stations["팔복동"].pk])
    assert AirReading.objects.filter(station=stations["팔복동"], source="airkorea").count() == 4
    assert "stationName=%ED%8C%94%EB%B3%B5%EB%8F%99" in server.requests[0]
    assert "serviceKey=test-key" in server.requests[0]


@pytest.mark.django_db
def test_a_timeout_retries_and_then_stores(stations, fake_airkorea):
    server = fake_airkorea(("sleep", 1.0), (200, response(DAY)))
    result = fetch_airkorea_station.apply(args=[stations["팔복동"].pk])
    assert result.successful()
    assert len(server.requests) == 2
    assert AirReading.objects.filter(station=stations["팔복동"]).count() == 4


@pytest.mark.django_db
def test_a_5xx_retries(stations, fake_airkorea):
    server = fake_airkorea((503, b"busy"), (502, b"bad gateway"), (200, response(DAY)))
    fetch_airkorea_station.apply(args=[stations["팔복동"].pk])
    assert len(server.requests) == 3
    assert AirReading.objects.count() == 4


@pytest.mark.django_db
def test_retries_give_up_after_the_limit(stations, fake_airkorea):
    server = fake_airkorea(*[(500, b"down")] * 10)
    result = fetch_airkorea_station.apply(args=[stations["팔복동"].pk])
    assert isinstance(result.result, airkorea.TransientError)
    assert len(server.requests) == fetch_airkorea_station.max_retries + 1
    assert AirReading.objects.count() == 0


@pytest.mark.django_db
def test_malformed_answer_is_logged_stores_nothing_and_is_not_retried(
    stations, fake_airkorea, caplog
):
    bad = response([*DAY, item("2026-11-20 20:00", pm25Value="n/a")])
    server = fake_airkorea((200, bad))
    fetch_airkorea_station.apply(args=[stations["팔복동"].pk])
    assert AirReading.objects.count() == 0
    assert len(server.requests) == 1
    assert "nothing stored" in caplog.text


@pytest.mark.django_db
def test_without_a_service_key_the_task_logs_that_it_skips(stations, settings, caplog):
    settings.AIRKOREA_SERVICE_KEY = ""
    caplog.set_level("INFO", logger="geo.tasks")
    assert fetch_airkorea_readings.apply().result == 0
    assert "skipping" in caplog.text
    assert AirReading.objects.count() == 0


def test_hourly_fetch_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "geo.tasks.fetch_airkorea_readings" in tasks
    assert "soslab.maps.tasks.recompute_hotspots" in tasks
