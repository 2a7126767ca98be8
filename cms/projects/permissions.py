"""The team editors' Wagtail page permissions: a team's editor group (soslab.teams.services.
team_editors_sync) may edit and lock its own project pages, never publish them (publishing goes
through the Project review workflow), and nothing else in the page tree. The admin itself opens
only for a team with a project page to edit: a citizen who merely joined a team gets no CMS (no
/admin/, no editing bar)."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from .models import ProjectPage

TEAM_PAGE_PERMISSIONS = ("change_page", "lock_page", "unlock_page")


def project_page_permissions_sync(*, team, group):
    """Give `group` exactly the TEAM_PAGE_PERMISSIONS on `team`'s project pages. Idempotent."""
    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=TEAM_PAGE_PERMISSIONS
        )
    )
    project_ids = set(ProjectPage.objects.filter(team=team).values_list("pk", flat=True))
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    with transaction.atomic():
        if project_ids:
            group.permissions.add(access_admin)
        else:
            group.permissions.remove(access_admin)
        GroupPagePermission.objects.filter(group=group).exclude(page_id__in=project_ids).delete()
        for page_id in project_ids:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=page_id, permission=permission
                )


def team_editors_synced(sender, team, group, **kwargs):
    """Receiver of soslab.teams.signals.team_editors_synced: every time the teams app syncs a
    team's editor group, its page permissions follow."""
    project_page_permissions_sync(team=team, group=group)
