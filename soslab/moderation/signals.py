"""Keep the queue in step with registered content saved anywhere: pending items wait for
approval; deleted items (and deleted people) leave the queue.

Signals, because content reaches the pending state through writes moderation cannot call into
(the services of the apps above it, the Wagtail admin, bulk loaders), and Django offers no other
hook for "a row of this model was saved or deleted". They are connected only to the models
registered in soslab.moderation.registry (and the user model, for deletion), never to every
model."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save

from .cases import case_open_for_pending
from .models import CaseStatus, ModerationCase, ModerationState
from .registry import is_moderated


def connect_for(model, *, pending=True):
    """Connect the handlers to `model` (a registered kind of content, or the user model)."""
    label = model._meta.label_lower
    if pending:
        post_save.connect(
            queue_pending_content, sender=model, dispatch_uid=f"moderation_pending_{label}"
        )
    post_delete.connect(close_deleted_case, sender=model, dispatch_uid=f"moderation_gone_{label}")


def queue_pending_content(sender, instance, raw=False, **kwargs):
    if raw or not is_moderated(sender):  # unregistered since (tests' throwaway models)
        return
    if getattr(instance, "moderation_state", None) != ModerationState.PENDING:
        return
    case_open_for_pending(target=instance)


def close_deleted_case(sender, instance, **kwargs):
    ModerationCase.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).update(status=CaseStatus.CLOSED)
