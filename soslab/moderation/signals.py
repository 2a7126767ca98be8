"""Keep the queue in step with content saved anywhere: pending items wait for approval; deleted
items leave the queue."""

from django.contrib.contenttypes.models import ContentType

from .models import CaseStatus, ModerationCase, ModerationState
from .registry import is_moderated


def queue_pending_content(sender, instance, raw=False, **kwargs):
    if raw or not is_moderated(sender):
        return
    if getattr(instance, "moderation_state", None) != ModerationState.PENDING:
        return
    from .services import case_open_for_pending

    case_open_for_pending(target=instance)


def close_deleted_case(sender, instance, **kwargs):
    if not is_moderated(sender) and sender._meta.label_lower != "accounts.user":
        return
    ModerationCase.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).update(status=CaseStatus.CLOSED)
