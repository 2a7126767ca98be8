"""Geo write services."""

import csv

from django.conf import settings

from . import boundaries
from .models import Dong


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
