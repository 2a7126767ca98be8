from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "soslab.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from django.contrib.auth import get_user_model

        from soslab.core import targets

        from . import registry, signals
        from .models import Decision

        # A decision is only ever the target of its author's notification (never commented on,
        # followed or reported); its page is private to the author and moderators.
        targets.register(
            Decision,
            purposes={targets.NOTIFY},
            visible_to=lambda user: Decision.objects.visible_to(user),
        )

        # Only the registered kinds of content (and people), whenever their app registers them.
        registry.on_register(signals.connect_for)
        signals.connect_for(get_user_model(), pending=False)

        from .roles import sync_after_migrate

        # Every app's post_migrate; acts once permissions exist (also after test flushes).
        post_migrate.connect(sync_after_migrate, dispatch_uid="moderation_roles")
