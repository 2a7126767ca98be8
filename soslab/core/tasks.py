import smtplib

from celery import shared_task
from django.db import connection

from soslab.core.mail import email_send
from soslab.core.outbox import outbox_relay

# Transient mail failures worth retrying.
MAIL_RETRY_ON = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(name="soslab.core.tasks.health_probe", time_limit=30)
def health_probe():
    """Prove a worker can reach the database: return its vendor and the number of users."""
    from django.contrib.auth import get_user_model

    return {"database": connection.vendor, "users": get_user_model().objects.count()}


@shared_task(name="soslab.core.tasks.relay_outbox", time_limit=120, soft_time_limit=100)
def relay_outbox():
    """Hand tasks that waited in the outbox (broker outage) to the broker; returns how many."""
    return outbox_relay()


@shared_task(
    name="soslab.core.tasks.send_email",
    time_limit=60,
    soft_time_limit=50,
    autoretry_for=MAIL_RETRY_ON,
    retry_backoff=30,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=6,
)
def send_email(to, subject, body, html=""):
    """Send one message queued by soslab.core.mail.email_queue."""
    email_send(to=to, subject=subject, body=body, html=html)
