from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "soslab.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .observability import signals_connect

        signals_connect()
