from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "geo"
    verbose_name = _("Maps and air quality")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .signals import problem_changed

        # Hotspots follow the reports: any saved or deleted problem queues a debounced
        # recomputation after the transaction commits (geo.services.hotspots_schedule).
        post_save.connect(problem_changed, sender="problems.Problem", dispatch_uid="geo-hotspots")
        post_delete.connect(
            problem_changed, sender="problems.Problem", dispatch_uid="geo-hotspots-delete"
        )
