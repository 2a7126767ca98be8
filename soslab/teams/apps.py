from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "soslab.teams"
    label = "teams"
    verbose_name = _("Teams")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, workflow_approved, workflow_rejected

        from cms.models.projects import ProjectIndexPage, ProjectPage

        from . import signals
        from .models import GuardianConsent, Membership

        post_save.connect(
            signals.project_index_created,
            sender=ProjectIndexPage,
            dispatch_uid="teams_project_index_created",
        )
        post_save.connect(
            signals.project_page_saved, sender=ProjectPage, dispatch_uid="teams_project_page_saved"
        )
        for signal in (post_save, post_delete):
            signal.connect(signals.membership_changed, sender=Membership, weak=False)
            signal.connect(signals.consent_changed, sender=GuardianConsent, weak=False)
        page_published.connect(
            signals.project_published, sender=ProjectPage, dispatch_uid="teams_project_published"
        )
        for signal, uid in ((workflow_approved, "approved"), (workflow_rejected, "rejected")):
            signal.connect(signals.project_workflow_finished, dispatch_uid=f"teams_project_{uid}")
