from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "soslab.problems"
    label = "problems"
    verbose_name = _("Problems")

    def ready(self):
        from soslab.core import targets
        from soslab.moderation.registry import register

        from .models import Problem

        register(Problem)
        targets.register(
            Problem,
            purposes={targets.COMMENT, targets.FOLLOW, targets.REPORT, targets.NOTIFY},
            visible_to=lambda user: Problem.objects.visible_to(user),
        )
