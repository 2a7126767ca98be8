"""Celery tasks for moderation: thin, idempotent, queued through the outbox after commit."""

from celery import shared_task

from .models import Decision, ModerationCase
from .notices import case_tell_auto_hidden as tell_auto_hidden
from .notices import decision_tell_author as tell_decision


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def decision_tell_author(decision_id):
    """Send the notification and email for one decision (skipped if already sent)."""
    decision = Decision.objects.filter(pk=decision_id).first()
    if decision is not None:
        tell_decision(decision=decision)


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def case_tell_auto_hidden(case_id):
    """Tell an author their item is hidden pending review after reaching the report threshold."""
    case = ModerationCase.objects.select_related("author").filter(pk=case_id).first()
    if case is not None:
        tell_auto_hidden(case=case)
