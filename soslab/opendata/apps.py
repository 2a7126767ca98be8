from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "soslab.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from soslab.problems.models import Problem

        from .signals import problem_changed

        post_save.connect(problem_changed, sender=Problem, dispatch_uid="opendata-problem-saved")
        post_delete.connect(
            problem_changed, sender=Problem, dispatch_uid="opendata-problem-deleted"
        )
