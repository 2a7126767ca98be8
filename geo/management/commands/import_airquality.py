"""Import hourly air-quality readings from a JSON or CSV dump. Idempotent: readings are keyed on
(station, hour), so importing the same file twice stores each hour once.

Accepted formats (docs/geo.md):
- JSON: an AirKorea API response ({"response": {"header", "body": {"items": [...]}}}) whose items
  carry stationName, or a list of such item objects; or {"station": "삼천동", "response": {...}}.
- CSV: one row per station and hour with the AirKorea item field names as headers (stationName,
  dataTime, pm10Value, pm25Value, o3Value, no2Value, coValue, so2Value, khaiValue, *Grade, *Flag).
Every row is validated first; if any row is bad nothing is stored.
"""

import csv
import json
from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geo import airkorea
from geo.models import AirReading, AirSource, AirStation
from geo.services import air_readings_store
from soslab.core.db import table_statistics_refresh


def _items_from_json(data):
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and "response" in data:
        # Validate the envelope the same way as the live client (resultCode "00").
        airkorea.parse_response({"response": data["response"]})
        items = data["response"]["body"]["items"]
        if isinstance(items, dict):
            items = items.get("item", [])
            items = [items] if isinstance(items, dict) else items
        station = data.get("station")
        if station:
            items = [{**item, "stationName": item.get("stationName") or station} for item in items]
        return items
    raise CommandError("JSON must be an AirKorea response or a list of items")


class Command(BaseCommand):
    help = "Import hourly air-quality readings (AirKorea JSON or CSV). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--source",
            choices=[AirSource.IMPORT, AirSource.SYNTHETIC, AirSource.AIRKOREA],
            default=AirSource.IMPORT,
            help="Label stored with the readings (synthetic data must be labelled as such).",
        )

    def handle(self, *args, file, source, **options):
        if not file.exists():
            raise CommandError(f"{file}: no such file")
        text = file.read_text(encoding="utf-8-sig")
        try:
            if file.suffix.lower() == ".csv":
                items = list(csv.DictReader(text.splitlines()))
            else:
                items = _items_from_json(json.loads(text))
        except ValueError as exc:
            raise CommandError(f"{file}: cannot read: {exc}") from exc
        except airkorea.AirKoreaError as exc:
            raise CommandError(f"{file}: rejected, nothing stored: {exc}") from exc

        stations = {station.name: station for station in AirStation.objects.all()}
        by_station = defaultdict(list)
        errors = []
        for number, item in enumerate(tqdm(items, desc="validating", unit="row"), start=1):
            name = (item.get("stationName") or "").strip()
            if name not in stations:
                errors.append(f"row {number}: unknown station {name!r}")
                continue
            try:
                by_station[name].append(airkorea.parse_item(item))
            except airkorea.MalformedResponse as exc:
                errors.append(f"row {number}: {exc}")
        for name, readings in by_station.items():
            hours = [reading.hour for reading in readings]
            if len(hours) != len(set(hours)):
                errors.append(f"{name}: the same hour appears twice")
        if errors:
            for error in errors[:20]:
                self.stderr.write(error)
            raise CommandError(f"{len(errors)} bad rows: nothing stored")

        created = updated = 0
        for name, readings in tqdm(by_station.items(), desc="storing", unit="station"):
            new, old = air_readings_store(station=stations[name], readings=readings, source=source)
            created += new
            updated += old
        table_statistics_refresh(AirReading)  # the planner must see the new size
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(items)} rows, {len(by_station)} stations: {created} new hours, "
                f"{updated} updated"
            )
        )
