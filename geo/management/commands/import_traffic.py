"""Import traffic-accident hotspots (TAAS 사고다발지역) or school zones (어린이보호구역) from the
national open-data formats (JSON, GeoJSON or CSV; see docs/geo.md). Idempotent upsert."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geo.models import TrafficKind
from geo.services import traffic_spots_store
from geo.traffic import TrafficFormatError, parse_accident_hotspots, parse_school_zones
from soslab.core.db import planner_statistics_refresh


class Command(BaseCommand):
    help = "Import accident hotspots or school zones for the traffic map layer. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["accidents", "school-zones"])
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--synthetic", action="store_true", help="Label the rows as synthetic (demo) data."
        )

    def handle(self, *args, kind, file, synthetic, **options):
        if not file.exists():
            raise CommandError(f"{file}: no such file")
        text = file.read_text(encoding="utf-8-sig")
        parser = parse_accident_hotspots if kind == "accidents" else parse_school_zones
        try:
            rows, skipped = parser(text, file.name)
        except TrafficFormatError as exc:
            for problem in exc.problems[:20]:
                self.stderr.write(problem)
            raise CommandError(f"{len(exc.problems)} problems: nothing stored") from exc
        model_kind = (
            TrafficKind.ACCIDENT_HOTSPOT if kind == "accidents" else TrafficKind.SCHOOL_ZONE
        )
        created, updated = traffic_spots_store(
            kind=model_kind, rows=tqdm(rows, desc="storing", unit="row"), synthetic=synthetic
        )
        planner_statistics_refresh()  # the planner must see the new sizes
        self.stdout.write(
            self.style.SUCCESS(
                f"{created} new, {updated} updated, {skipped} outside Jeonju skipped"
            )
        )
