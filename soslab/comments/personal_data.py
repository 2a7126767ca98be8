"""What comments holds about a person: exported and erased through soslab.accounts.personal_data."""

from django.utils import timezone

from soslab.accounts.personal_data import iso, register
from soslab.core.targets import counter_add

from .models import Comment


def export(user, archive):
    return {
        "comments": [
            {
                "id": c.pk,
                "on": f"{c.content_type.app_label}.{c.content_type.model}:{c.object_id}",
                "body": c.body,
                "moderation_state": c.moderation_state,
                "created_at": iso(c.created_at),
                "deleted_at": iso(c.deleted_at),
            }
            for c in Comment.objects.filter(author=user).select_related("content_type")
        ]
    }


def erase(user, *, keep):
    """Unless kept, comments are erased as a deletion by their author does: the row stays as a
    placeholder so replies keep their context; the text and the author link go."""
    if keep:
        return
    comments = Comment.objects.filter(author=user)
    for comment in comments.filter(deleted_at__isnull=True):
        target = comment.target
        Comment.objects.filter(pk=comment.pk).update(deleted_at=timezone.now(), body="")
        if target is not None:
            counter_add(target, "comment_count", -1)
    comments.update(author=None, body="", moderation_reason="")


register("comments", export=export, erase=erase)
