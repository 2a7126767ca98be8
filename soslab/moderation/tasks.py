"""Celery tasks for moderation: thin, idempotent, queued with transaction.on_commit."""

from celery import shared_task


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def decision_tell_author(decision_id):
    """Send the notification and email for one decision (skipped if already sent)."""
    from .models import Decision
    from .notices import decision_tell_author as tell

    decision = Decision.objects.filter(pk=decision_id).first()
    if decision is not None:
        tell(decision=decision)


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def case_tell_auto_hidden(case_id):
    """Tell an author their item is hidden pending review after reaching the report threshold."""
    from .models import ModerationCase
    from .notices import case_tell_auto_hidden as tell

    case = ModerationCase.objects.select_related("author").filter(pk=case_id).first()
    if case is not None:
        tell(case=case)
