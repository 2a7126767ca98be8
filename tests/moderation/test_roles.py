"""The project's roles as groups: exact model permissions, page permissions only where a role needs
them, one writer (roles.project_groups_sync) that also restores the groups after a flush."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from cms.projects.permissions import TEAM_PAGE_PERMISSIONS
from soslab.accounts.rules import user_is_moderator
from soslab.moderation.roles import (
    MODERATORS,
    PROJECT_GROUPS,
    moderators_group,
    project_groups_sync,
)
from soslab.teams.models import Team
from soslab.teams.services import team_editors_sync
from tests.factories import ModeratorFactory, UserFactory
from tests.teams.factories import make_project, make_team

migration = importlib.import_module("soslab.moderation.migrations.0003_project_moderators_group")


def _model_permissions(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def _expected(spec):
    return {f"{app}.{codename}" for app, codenames in spec.items() for codename in codenames}


@pytest.mark.django_db
def test_every_group_holds_exactly_its_roles_permissions():
    team = make_team(members=[UserFactory()])
    make_project(team)
    team_editors_sync(team=team)
    team_groups = {t.editor_group_id: t for t in Team.objects.exclude(editor_group=None)}
    access_admin = {"wagtailadmin.access_admin"}

    for group in Group.objects.all():
        pages = GroupPagePermission.objects.filter(group=group)
        if group.name in PROJECT_GROUPS:
            assert _model_permissions(group) == _expected(PROJECT_GROUPS[group.name])
            assert not pages.exists(), group.name
            assert not GroupCollectionPermission.objects.filter(group=group).exists()
        elif group.pk in team_groups:
            project_ids = set(team_groups[group.pk].projects.values_list("pk", flat=True))
            assert _model_permissions(group) == access_admin
            assert {p.page_id for p in pages} <= project_ids
            assert {p.permission.codename for p in pages} == set(TEAM_PAGE_PERMISSIONS)
        else:
            pytest.fail(f"group {group.name!r} is no role of this project")


@pytest.mark.django_db
def test_moderators_group_has_no_page_permission_anywhere():
    moderator = ModeratorFactory()
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page", "lock_page"):
        assert not moderator.has_perm(f"wagtailcore.{codename}")
    assert not root.permissions_for_user(moderator).can_publish()
    assert not root.permissions_for_user(moderator).can_edit()


@pytest.mark.django_db
def test_sync_removes_permissions_added_by_hand():
    group = moderators_group()
    group.permissions.add(Permission.objects.get(codename="publish_page"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    project_groups_sync()
    assert _model_permissions(group) == _expected(PROJECT_GROUPS[MODERATORS])
    assert not GroupPagePermission.objects.filter(group=group).exists()


@pytest.mark.django_db
def test_membership_of_wagtails_sample_moderators_group_is_no_role():
    sample, _created = Group.objects.get_or_create(name="Moderators")
    user = UserFactory()
    user.groups.add(sample)
    assert not user_is_moderator(user)


def _wagtail_sample_group(name, member):
    """A group as wagtailcore's initial data makes it: page permissions on the root."""
    group, _created = Group.objects.get_or_create(name=name)
    for codename in ("add_page", "change_page", "publish_page", "lock_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    if member:
        group.user_set.add(member)
    return group


@pytest.mark.django_db
def test_migration_moves_members_and_approval_task_to_the_project_group():
    member = UserFactory()
    old = _wagtail_sample_group("Moderators", member)
    GroupApprovalTask.objects.filter(name=migration.PROJECT_REVIEW_TASK).delete()
    task = GroupApprovalTask.objects.create(name=migration.PROJECT_REVIEW_TASK)
    task.groups.add(old)
    wagtail_default = GroupApprovalTask.objects.create(name="Moderators approval (sample)")
    wagtail_default.groups.add(old)

    migration.forwards(apps, None)

    assert not Group.objects.filter(name="Moderators").exists()
    new = Group.objects.get(name=MODERATORS)
    assert new.user_set.filter(pk=member.pk).exists()
    assert list(task.groups.all()) == [new]
    assert not wagtail_default.groups.exists()  # Wagtail's own workflow: superusers only
    assert user_is_moderator(type(member).objects.get(pk=member.pk))


@pytest.mark.django_db
def test_migration_strips_wagtails_editors_group_of_page_permissions():
    editor = UserFactory()
    kept = _wagtail_sample_group("Editors", editor)

    migration.forwards(apps, None)

    assert Group.objects.filter(pk=kept.pk).exists()  # someone is in it: kept, but powerless
    assert not GroupPagePermission.objects.filter(group=kept).exists()
    assert not Page.get_first_root_node().permissions_for_user(editor).can_edit()


@pytest.mark.django_db(transaction=True)
def test_flush_leaves_the_moderators_group_in_place():
    call_command("flush", interactive=False, verbosity=0)
    group = Group.objects.get(name=MODERATORS)
    assert _model_permissions(group) == _expected(PROJECT_GROUPS[MODERATORS])
