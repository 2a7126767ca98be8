from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "soslab.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from soslab.moderation.registry import register

        from .models import Idea

        register(Idea)
