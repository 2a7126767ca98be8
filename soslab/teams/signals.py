"""Signal receivers connected in TeamsConfig.ready()."""


def project_index_created(sender, instance, created, raw=False, **kwargs):
    """A new projects index gets the Project review workflow at once."""
    if created and not raw:
        from .services import project_review_workflow_assign

        project_review_workflow_assign(index=instance)


def project_page_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A new project page (or one moved to another team) is editable by its team's group only."""
    if raw:
        return
    if not created and update_fields is not None and "team" not in update_fields:
        return  # revision bookkeeping saves: the team did not change
    from django.db.models import Q

    from .models import Team
    from .services import team_editors_sync

    # The page's team, and any team that could edit it before (the page moved to another team).
    teams = Team.objects.filter(
        Q(pk=instance.team_id) | Q(editor_group__page_permissions__page_id=instance.pk)
    ).distinct()
    for team in teams:
        team_editors_sync(team=team)


def project_published(sender, instance, revision=None, **kwargs):
    """Publishing a project page moves the problems it addresses to "in a project", once."""
    from cms.models.projects import ProjectPage

    if not isinstance(instance, ProjectPage):
        return
    from .services import project_problems_announce

    # A system change (actor=None): the approval itself was the staff decision.
    project_problems_announce(project=instance, actor=None)


def membership_changed(sender, instance, raw=False, **kwargs):
    """Memberships edited in the Wagtail admin (not through the services) keep the team's editor
    group in step too. team_editors_sync is idempotent, so the services' own call is harmless."""
    if raw:
        return
    from .models import Team
    from .services import team_editors_sync

    team = Team.objects.filter(pk=instance.team_id).first()
    if team is not None:
        team_editors_sync(team=team)


def consent_changed(sender, instance, raw=False, **kwargs):
    """Consent recorded or withdrawn (deleted) in the admin: resync every team of the child."""
    if raw:
        return
    from .models import Team
    from .services import team_editors_sync

    for team in Team.objects.filter(memberships__user_id=instance.user_id):
        team_editors_sync(team=team)


def project_workflow_finished(sender, instance, user=None, **kwargs):
    """A workflow on a project page was approved or sent back: the team is told."""
    from wagtail.signals import workflow_approved

    from cms.models.projects import ProjectPage

    page = instance.content_object
    page = getattr(page, "specific", page)
    if not isinstance(page, ProjectPage):
        return
    from .services import project_review_tell_team

    project_review_tell_team(page=page, approved=kwargs["signal"] is workflow_approved, actor=user)
