from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "soslab.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from soslab.moderation.registry import register

        from .models import Comment

        register(Comment)
