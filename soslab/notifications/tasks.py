"""Notification emails. Thin tasks: take ids, re-read, call a service; safe to run twice."""

import smtplib

from celery import shared_task

from soslab.core.outbox import enqueue

from .services import digest_recipient_ids, digest_send, notification_email_send

# Transient mail failures worth retrying (the services mark nothing when sending fails).
RETRY_ON = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(
    name="soslab.notifications.tasks.send_notification_digests", time_limit=600, soft_time_limit=540
)
def send_notification_digests():
    """Beat task (daily): queue one digest per user with un-emailed notifications."""
    user_ids = digest_recipient_ids()
    for user_id in user_ids:
        enqueue(send_notification_digest, user_id)
    return len(user_ids)


@shared_task(
    name="soslab.notifications.tasks.send_notification_digest",
    time_limit=120,
    soft_time_limit=100,
    autoretry_for=RETRY_ON,
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=6,
)
def send_notification_digest(user_id):
    """Send one user their digest; retried on SMTP errors without double-sending."""
    return digest_send(user_id=user_id)


@shared_task(
    name="soslab.notifications.tasks.send_notification_email",
    time_limit=60,
    soft_time_limit=50,
    autoretry_for=RETRY_ON,
    retry_backoff=30,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=6,
)
def send_notification_email(notification_id):
    """Email one notification to a recipient who chose immediate email."""
    return notification_email_send(notification_id=notification_id)
