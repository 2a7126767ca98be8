from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "soslab.problems"
    label = "problems"
    verbose_name = _("Problems")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from soslab.moderation.registry import register

        from . import services
        from .models import Problem

        register(Problem)
        post_save.connect(
            services.author_saved,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="problems_author_points",
        )
