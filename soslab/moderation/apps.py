from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "soslab.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from soslab.core import targets

        from . import signals
        from .models import Decision

        # A decision is only ever the target of its author's notification (never commented on,
        # followed or reported); its page is private to the author and moderators.
        targets.register(
            Decision,
            purposes={targets.NOTIFY},
            visible_to=lambda user: Decision.objects.visible_to(user),
        )

        # Connected for every sender: the handlers look the sender up in the registry, so apps
        # that register later (ideas, teams) are covered without importing them here.
        post_save.connect(signals.queue_pending_content, dispatch_uid="moderation_queue_pending")
        post_delete.connect(signals.close_deleted_case, dispatch_uid="moderation_close_deleted")

        from .roles import sync_after_migrate

        # Every app's post_migrate; acts once permissions exist (also after test flushes).
        post_migrate.connect(sync_after_migrate, dispatch_uid="moderation_roles")
