"""Hotspot recomputation task: thin and time-limited; the work is in soslab.maps.services."""

from celery import shared_task
from django.core.cache import cache

from .services import SCHEDULED_KEY, hotspots_recompute


@shared_task(bind=True, ignore_result=True, time_limit=600, soft_time_limit=540)
def recompute_hotspots(self):
    """Recompute the stored hotspots (debounced by soslab.maps.services.hotspots_schedule)."""
    if not self.request.is_eager:
        # Reports arriving from now on need another run; in-process (eager) runs keep the key
        # until it expires so a burst of reports does not recompute once per report.
        cache.delete(SCHEDULED_KEY)
    return hotspots_recompute()
