"""Guardian consent emails. Thin tasks: take ids, re-read, call a service; safe to run twice."""

import smtplib

from celery import shared_task

from soslab.core.outbox import enqueue

from .guardians import guardian_email_send, guardian_reminders_due

RETRY_ON = (smtplib.SMTPException, ConnectionError, TimeoutError)


@shared_task(
    name="soslab.teams.tasks.send_guardian_email",
    time_limit=120,
    soft_time_limit=100,
    autoretry_for=RETRY_ON,
    retry_backoff=60,
    max_retries=6,
)
def send_guardian_email(request_id, reminder=0):
    """The consent request email to a guardian (reminder 0) or reminder 1 or 2 (once each)."""
    return guardian_email_send(request_id=request_id, reminder=reminder)


@shared_task(name="soslab.teams.tasks.remind_guardians", time_limit=300, soft_time_limit=270)
def remind_guardians():
    """Beat task (daily): queue the reminders due after 3 and 7 days (idempotent)."""
    due = guardian_reminders_due()
    for request_id, number in due:
        enqueue(send_guardian_email, request_id, number)
    return len(due)
