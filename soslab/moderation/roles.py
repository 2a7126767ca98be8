"""The project's roles held as Django groups, created and kept exact in this one module.

`MODERATORS` ("SOS랩 모더레이터") gives Wagtail admin access plus moderation only: no page,
collection or site permissions, no settings, categories or people. Staff (is_staff / superuser) can
do everything. Team editor groups are made per team by `soslab.teams.services.team_editors_sync`.

`project_groups_sync` is the only writer of these groups. It runs from the data migrations (with
historical models) and from the post_migrate receiver below, which fires after every `migrate`
and after every test flush, so a flushed database is usable by the next test. Everything else
reads the group through `moderators_group()`.

Wagtail's own sample groups "Moderators" and "Editors" (created by wagtailcore's initial data
with add/change/publish/lock on the root page) are not roles of this project; migration
moderation 0003 moved the old "Moderators" members here and stripped those groups of page and
collection permissions (see docs/permissions.md).
"""

from django.apps import apps as global_apps
from django.db.models import Q

from soslab.accounts.roles import MODERATORS

# Wagtail's sample groups (wagtailcore 0002_initial_data); never used as roles here.
WAGTAIL_SAMPLE_GROUPS = ("Moderators", "Editors")

MODERATOR_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "moderation": [
        "moderate_content",
        "view_moderationcase",
        "view_report",
        "view_decision",
        "view_appeal",
        "add_hidereason",
        "change_hidereason",
        "delete_hidereason",
        "view_hidereason",
    ],
}

# Every project group and its exact model permissions. None holds page or collection permissions.
PROJECT_GROUPS = {MODERATORS: MODERATOR_PERMISSIONS}


def _permissions_query(spec):
    query = Q(pk__in=[])
    for app_label, codenames in spec.items():
        query |= Q(content_type__app_label=app_label, codename__in=codenames)
    return query


def project_groups_sync(apps=global_apps):
    """Create every project group if needed and give it exactly its permissions (model
    permissions as listed; no page, collection or site permissions). Returns {name: group}."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for name, spec in PROJECT_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(_permissions_query(spec)))
        for model in ("GroupPagePermission", "GroupCollectionPermission", "GroupSitePermission"):
            apps.get_model("wagtailcore", model).objects.filter(group=group).delete()
        groups[name] = group
    return groups


def moderators_group():
    """The project's moderators group (exists after migrate and after every flush)."""
    Group = global_apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MODERATORS).first()
    return group if group is not None else project_groups_sync()[MODERATORS]


def sync_after_migrate(sender, **kwargs):
    """post_migrate receiver (runs after migrate and after test flushes). Acts when auth's turn
    comes: by then the permissions of the apps listed before it (ours, Wagtail admin) exist."""
    if getattr(sender, "label", None) != "auth":
        return
    project_groups_sync()
