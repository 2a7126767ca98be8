from django.db import transaction

from .services import hotspots_schedule


def problem_changed(sender, instance, **kwargs):
    """Queue a debounced hotspot recomputation once the change is committed."""
    if instance.lat is None or instance.lon is None:
        return
    transaction.on_commit(hotspots_schedule)
