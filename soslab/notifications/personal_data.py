"""What notifications holds about a person: exported and erased through
soslab.accounts.personal_data."""

from django.utils.translation import gettext_lazy as _

from soslab.accounts.personal_data import iso, register

from .models import Follow, Notification
from .services import follow_remove


def export(user, archive):
    return {
        "follows": [
            {
                "target": f"{f.content_type.app_label}.{f.content_type.model}:{f.object_id}",
                "created_at": iso(f.created_at),
            }
            for f in Follow.objects.filter(user=user).select_related("content_type")
        ],
        "notifications": [
            {"kind": n.kind, "message": n.message, "created_at": iso(n.created_at)}
            for n in Notification.objects.filter(recipient=user)
        ],
    }


def erase(user, *, keep):
    """Follows (follower counts follow) and the person's notifications go; others' notifications
    about what the person did lose the person's name."""
    for follow in Follow.objects.filter(user=user).select_related("content_type"):
        if follow.target is not None:
            follow_remove(user=user, target=follow.target)
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    former = str(_("Former member"))
    for notification in Notification.objects.filter(actor=user):
        if user.display_name:
            notification.message = notification.message.replace(user.display_name, former)
            notification.message_params = {
                key: value.replace(user.display_name, former) if isinstance(value, str) else value
                for key, value in notification.message_params.items()
            }
        notification.actor = None
        notification.save(update_fields=["message", "message_params", "actor"])


register("notifications", export=export, erase=erase)
