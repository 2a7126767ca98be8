"""The "Moderators" group: Wagtail admin access plus moderation only. Moderators cannot change
site settings, categories, pages or people's accounts; staff (is_staff / superuser) can do both.

`sync_moderators_group` is used by the data migration (with historical models), after every
migrate/flush (post_migrate) and by the demo loader, so the group always has exactly these."""

from django.apps import apps as global_apps
from django.db.models import Q

GROUP_NAME = "Moderators"

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


def sync_moderators_group(apps=global_apps):
    """Create the group if needed and give it exactly MODERATOR_PERMISSIONS. Returns the group."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    query = Q(pk__in=[])
    for app_label, codenames in MODERATOR_PERMISSIONS.items():
        query |= Q(content_type__app_label=app_label, codename__in=codenames)
    group.permissions.set(Permission.objects.filter(query))
    return group


def sync_after_migrate(sender, **kwargs):
    """post_migrate receiver (runs after migrate and after test flushes). Acts when auth's turn
    comes: by then the permissions of the apps listed before it (ours, Wagtail admin) exist."""
    if getattr(sender, "label", None) != "auth":
        return
    sync_moderators_group()
