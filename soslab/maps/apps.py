from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "soslab.maps"
    label = "maps"
    verbose_name = _("Problems map")

    def ready(self):
        from .signals import problem_changed  # models are loaded only now

        # Hotspots follow the reports: any saved or deleted problem queues a debounced
        # recomputation after the transaction commits (soslab.maps.services.hotspots_schedule).
        # A signal, not a call from the problems services: problems sit below maps and must not
        # import it, and every write (services, admin, moderation) has to be seen.
        post_save.connect(problem_changed, sender="problems.Problem", dispatch_uid="maps-hotspots")
        post_delete.connect(
            problem_changed, sender="problems.Problem", dispatch_uid="maps-hotspots-delete"
        )
