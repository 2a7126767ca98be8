"""Geo Celery tasks (AirKorea fetches): thin, idempotent, time-limited; the work is in geo.services."""

import logging

from celery import shared_task
from django.conf import settings

from soslab.core.outbox import enqueue

from . import airkorea
from .models import AirSource, AirStation
from .services import air_readings_store

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True, time_limit=120, soft_time_limit=100)
def fetch_airkorea_readings():
    """Hourly (beat): queue one fetch per station. Without a service key, log and skip."""
    if not settings.AIRKOREA_SERVICE_KEY:
        logger.info("AIRKOREA_SERVICE_KEY is not set: skipping the AirKorea fetch")
        return 0
    station_ids = list(AirStation.objects.values_list("pk", flat=True))
    for station_id in station_ids:
        enqueue(fetch_airkorea_station, station_id)
    return len(station_ids)


@shared_task(
    ignore_result=True,
    autoretry_for=(airkorea.TransientError,),
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
    time_limit=90,
    soft_time_limit=75,
)
def fetch_airkorea_station(station_id):
    """Fetch one station's last day and upsert it by (station, hour). Timeouts and 5xx retry with
    backoff; an error code or malformed response is logged and nothing is stored."""
    if not settings.AIRKOREA_SERVICE_KEY:
        logger.info("AIRKOREA_SERVICE_KEY is not set: skipping station %s", station_id)
        return None
    station = AirStation.objects.filter(pk=station_id).first()
    if station is None:
        return None
    try:
        readings = airkorea.fetch_station(station.name, service_key=settings.AIRKOREA_SERVICE_KEY)
    except airkorea.TransientError:
        logger.warning("AirKorea %s: transient failure, will retry", station.name)
        raise
    except airkorea.AirKoreaError as exc:
        logger.error("AirKorea %s: response rejected, nothing stored: %s", station.name, exc)
        return None
    created, updated = air_readings_store(
        station=station, readings=readings, source=AirSource.AIRKOREA
    )
    logger.info("AirKorea %s: %s new, %s updated hours", station.name, created, updated)
    return created, updated
