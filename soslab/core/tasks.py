from celery import shared_task
from django.db import connection

from soslab.core.outbox import outbox_relay


@shared_task(name="soslab.core.tasks.health_probe", time_limit=30)
def health_probe():
    """Prove a worker can reach the database: return its vendor and the number of users."""
    from django.contrib.auth import get_user_model

    return {"database": connection.vendor, "users": get_user_model().objects.count()}


@shared_task(name="soslab.core.tasks.relay_outbox", time_limit=120, soft_time_limit=100)
def relay_outbox():
    """Hand tasks that waited in the outbox (broker outage) to the broker; returns how many."""
    return outbox_relay()
