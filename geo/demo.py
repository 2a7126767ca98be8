"""Geo demo content over the reference data (the 35 dongs and 7 AirKorea stations, geo.reference):
7 days of synthetic hourly readings per station and synthetic
traffic-safety places, all labelled synthetic. Idempotent: upserts keyed on natural keys."""

from datetime import timedelta

from django.utils import timezone

from .models import AirReading, AirSource, AirStation, Dong, TrafficKind, TrafficSpot
from .services import air_readings_store, traffic_spots_store
from .synthetic import synthetic_series, synthetic_traffic_rows

DEMO_DAYS = 7


def load(out):
    end = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for station in AirStation.objects.all():
        readings = synthetic_series(station.name, end, DEMO_DAYS * 24)
        air_readings_store(station=station, readings=readings, source=AirSource.SYNTHETIC)
    accidents, schools = synthetic_traffic_rows()
    traffic_spots_store(kind=TrafficKind.ACCIDENT_HOTSPOT, rows=accidents, synthetic=True)
    traffic_spots_store(kind=TrafficKind.SCHOOL_ZONE, rows=schools, synthetic=True)
    return {
        "dongs": Dong.objects.count(),
        "stations": AirStation.objects.count(),
        "synthetic readings": AirReading.objects.filter(
            source=AirSource.SYNTHETIC, hour__gte=end - timedelta(days=DEMO_DAYS)
        ).count(),
        "traffic places (synthetic)": TrafficSpot.objects.filter(synthetic=True).count(),
    }
