"""Load the real reference data every installation needs (not demo content): the 35 Jeonju dongs
and the AirKorea stations, from fixtures/jeonju/. Idempotent; run on every deploy."""

from django.core.management.base import BaseCommand
from django.db import transaction

from geo import services as geo_services


class Command(BaseCommand):
    help = "Create or update Jeonju's dongs and air-quality stations from fixtures/jeonju/. Safe to re-run."

    def handle(self, *args, **options):
        steps = [("dongs", geo_services.dongs_sync)]
        if hasattr(geo_services, "stations_sync"):
            steps.append(("air-quality stations", geo_services.stations_sync))
        for label, sync in steps:
            with transaction.atomic():
                created = sync()
            self.stdout.write(self.style.SUCCESS(f"{label}: ok ({created or 0} new)"))
