"""Hotspot recomputation task: thin and time-limited; the work is in soslab.maps.services."""

from celery import shared_task

from .services import hotspots_recompute_scheduled


@shared_task(ignore_result=True, time_limit=600, soft_time_limit=540)
def recompute_hotspots():
    """Recompute the stored hotspots (queued by soslab.maps.services.hotspots_schedule after
    reports change, and every 30 minutes by beat so old reports leave the time window)."""
    return hotspots_recompute_scheduled()
