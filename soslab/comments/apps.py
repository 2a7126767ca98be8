from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "soslab.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django.db.models.signals import post_save

        from soslab.core import targets
        from soslab.moderation.registry import register

        from .models import Comment
        from .services import notify_when_published

        register(Comment)
        # Comments are reported, never commented on or followed; one is visible while it is
        # (visible and not deleted) and its target is visible.
        targets.register(
            Comment,
            purposes={targets.REPORT},
            visible_to=lambda user: Comment.objects.visible_to(user).filter(
                deleted_at__isnull=True
            ),
            container=lambda comment: comment.target,
        )
        post_save.connect(notify_when_published, sender=Comment, dispatch_uid="comment_published")
