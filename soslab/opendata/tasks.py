"""The open-data files' rebuild: thin and time-limited; the work is in soslab.opendata.files."""

from celery import shared_task
from django.core.cache import cache

from .files import SCHEDULED_KEY, files_build


@shared_task(name="soslab.opendata.tasks.build_files", ignore_result=True, time_limit=600)
def build_files():
    """Rebuild problems.csv and problems.geojson (queued, debounced, by files_schedule; hourly
    by beat). The debounce key goes first: a change from now on queues the next build."""
    cache.delete(SCHEDULED_KEY)
    return files_build()
