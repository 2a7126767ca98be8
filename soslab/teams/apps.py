from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "soslab.teams"
    label = "teams"
    verbose_name = _("Teams")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import receivers
        from .models import GuardianConsent, Membership

        for signal in (post_save, post_delete):
            signal.connect(receivers.membership_changed, sender=Membership, weak=False)
            signal.connect(receivers.consent_changed, sender=GuardianConsent, weak=False)
