from celery import shared_task
from django.db import connection


@shared_task(name="soslab.core.tasks.health_probe", time_limit=30)
def health_probe():
    """Prove a worker can reach the database: return its vendor and the number of users."""
    from django.contrib.auth import get_user_model

    return {"database": connection.vendor, "users": get_user_model().objects.count()}
