"""Receivers of the projects feature, connected in CmsConfig.ready(): Wagtail and Django leave no
other hook for a page created, saved, published or through its workflow in the admin, nor for
the teams app telling that a team's editor group was synced."""

from django.db.models import Q
from django.db.models.signals import post_save
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from soslab.teams.models import Team
from soslab.teams.services import team_editors_sync
from soslab.teams.signals import team_editors_synced

from . import permissions
from .models import ProjectIndexPage, ProjectPage
from .services import (
    project_problems_announce,
    project_review_tell_team,
    project_review_workflow_assign,
)


def project_index_created(sender, instance, created, raw=False, **kwargs):
    """A new projects index gets the Project review workflow at once."""
    if created and not raw:
        project_review_workflow_assign(index=instance)


def project_page_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A new project page (or one moved to another team) is editable by its team's group only."""
    if raw:
        return
    if not created and update_fields is not None and "team" not in update_fields:
        return  # revision bookkeeping saves: the team did not change
    # The page's team, and any team that could edit it before (the page moved to another team).
    teams = Team.objects.filter(
        Q(pk=instance.team_id) | Q(editor_group__page_permissions__page_id=instance.pk)
    ).distinct()
    for team in teams:
        team_editors_sync(team=team)


def project_published(sender, instance, revision=None, **kwargs):
    """Publishing a project page moves the problems it addresses to "in a project", once."""
    if not isinstance(instance, ProjectPage):
        return
    # A system change (actor=None): the approval itself was the staff decision.
    project_problems_announce(project=instance, actor=None)


def project_workflow_finished(sender, instance, user=None, **kwargs):
    """A workflow on a project page was approved or sent back: the team is told."""
    page = instance.content_object
    page = getattr(page, "specific", page)
    if not isinstance(page, ProjectPage):
        return
    project_review_tell_team(page=page, approved=kwargs["signal"] is workflow_approved, actor=user)


def connect():
    post_save.connect(
        project_index_created, sender=ProjectIndexPage, dispatch_uid="cms_project_index_created"
    )
    post_save.connect(project_page_saved, sender=ProjectPage, dispatch_uid="cms_project_page_saved")
    page_published.connect(
        project_published, sender=ProjectPage, dispatch_uid="cms_project_published"
    )
    for signal, uid in ((workflow_approved, "approved"), (workflow_rejected, "rejected")):
        signal.connect(project_workflow_finished, dispatch_uid=f"cms_project_{uid}")
    team_editors_synced.connect(
        permissions.team_editors_synced, dispatch_uid="cms_project_page_permissions"
    )
