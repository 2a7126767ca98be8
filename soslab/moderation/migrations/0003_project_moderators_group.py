"""Moderators become the project's own group "SOS랩 모더레이터" (exactly the moderation
permissions, no page permissions) instead of Wagtail's sample "Moderators" group, which wagtailcore
created with add/change/publish/lock on the root page.

Members and the "Project review" approval task move to the new group (its reviewers need no page
permission: see cms/workflows.py). Wagtail's sample groups
("Moderators", "Editors") lose every page and collection permission, and are deleted when no one
is left in them: no group outside the project's roles may edit or publish the whole site.
"""

from django.db import migrations

from soslab.moderation.roles import MODERATORS, WAGTAIL_SAMPLE_GROUPS, project_groups_sync

OLD_NAME = "Moderators"
PROJECT_REVIEW_TASK = "Staff approval of a project page"  # teams 0003


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    new = project_groups_sync(apps)[MODERATORS]
    old = Group.objects.filter(name=OLD_NAME).first()
    if old is not None:
        new.user_set.add(*old.user_set.all())
        old.user_set.clear()
        # Only the project review task: Wagtail's own "Moderators approval" task (its default
        # workflow) keeps no group, so only superusers approve outside the project workflow.
        for task in GroupApprovalTask.objects.filter(groups=old, name=PROJECT_REVIEW_TASK):
            task.groups.add(new)
            task.groups.remove(old)
    for group in Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        if not group.user_set.exists():
            group.delete()


def backwards(apps, schema_editor):
    """Members and the approval task go back to a "Moderators" group with the moderation
    permissions only (Wagtail's root page permissions are not restored)."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    new = Group.objects.filter(name=MODERATORS).first()
    if new is None:
        return
    old, _created = Group.objects.get_or_create(name=OLD_NAME)
    old.permissions.set(new.permissions.all())
    old.user_set.add(*new.user_set.all())
    for task in GroupApprovalTask.objects.filter(groups=new):
        task.groups.add(old)
    new.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_moderators_group"),
        ("teams", "0003_project_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0003_admin_managed"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
