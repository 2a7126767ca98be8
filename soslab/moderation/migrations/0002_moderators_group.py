"""The "Moderators" group: Wagtail admin access plus moderation only (not settings, categories or
pages). Staff (is_staff / superuser) can do everything."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

MODERATION_CODENAMES = [
    "moderate_content",
    "view_moderationcase",
    "view_report",
    "view_decision",
    "view_appeal",
    "add_hidereason",
    "change_hidereason",
    "delete_hidereason",
    "view_hidereason",
]


def create_moderators_group(apps, schema_editor):
    # Permissions are normally created after migrate; create this app's now so they can be granted.
    app_config = apps.get_app_config("moderation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Moderators")
    permissions = Permission.objects.filter(
        Q(content_type__app_label="wagtailadmin", codename="access_admin")
        | Q(content_type__app_label="moderation", codename__in=MODERATION_CODENAMES)
    )
    group.permissions.add(*permissions)


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("wagtailadmin", "0003_admin_managed"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
