"""Account background work. Thin tasks: take ids, re-read, call a service; safe to run twice."""

from celery import shared_task

from .services import data_export_build, data_exports_purge

# Storage hiccups while writing the ZIP (the email itself is its own retried task: core.mail).
RETRY_ON = (ConnectionError, TimeoutError)


@shared_task(
    name="soslab.accounts.tasks.build_data_export",
    time_limit=600,
    soft_time_limit=540,
    autoretry_for=RETRY_ON,
    retry_backoff=60,
    max_retries=5,
)
def build_data_export(export_id, token=""):
    """Build one person's data export ZIP and queue the email with the link (idempotent)."""
    return data_export_build(export_id=export_id, token=token)


@shared_task(name="soslab.accounts.tasks.purge_data_exports", time_limit=300, soft_time_limit=270)
def purge_data_exports():
    """Beat task (daily): delete expired data exports and their files."""
    return data_exports_purge()
