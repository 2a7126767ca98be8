from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "soslab.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django.db.models.signals import post_save

        from soslab.moderation.registry import register

        from .models import Comment
        from .services import notify_when_published

        register(Comment)
        post_save.connect(notify_when_published, sender=Comment, dispatch_uid="comment_published")
