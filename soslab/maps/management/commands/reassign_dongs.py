"""Reassign every problem's dong from its point with ONE vectorised spatial join
(geo.boundaries.dong_codes_at), then write only the rows that changed, in batches."""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from geo import boundaries
from geo.models import Dong
from soslab.core.db import planner_statistics_refresh
from soslab.problems.models import Problem

BATCH = 2000


class Command(BaseCommand):
    help = "Recompute the administrative dong of every problem that has a point."

    def handle(self, *args, **options):
        rows = list(
            Problem.objects.filter(lat__isnull=False, lon__isnull=False).values_list(
                "pk", "lon", "lat", "dong_id"
            )
        )
        if not rows:
            self.stdout.write("no problems with a point")
            return
        ids, lons, lats, current = zip(*rows, strict=True)
        codes = boundaries.dong_codes_at(lons, lats)  # one spatial join for all points
        dong_ids = dict(Dong.objects.values_list("code", "pk"))
        changes = [
            Problem(pk=pk, dong_id=dong_ids.get(code) if code else None)
            for pk, code, old in zip(ids, codes, current, strict=True)
            if (dong_ids.get(code) if code else None) != old
        ]
        with transaction.atomic(), tqdm(total=len(changes), unit="problem") as bar:
            for start in range(0, len(changes), BATCH):
                batch = changes[start : start + BATCH]
                Problem.objects.bulk_update(batch, ["dong"])
                bar.update(len(batch))
        planner_statistics_refresh()  # the planner must see the new sizes
        outside = sum(code is None for code in codes)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(rows)} problems checked, {len(changes)} reassigned, {outside} outside Jeonju"
            )
        )
