"""Permissions as a role table: who manages a team, edits its project, runs the live vote."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from soslab.teams.models import TeamRole
from soslab.teams.rules import EDIT_TEAM_PROJECT, MANAGE_TEAM, RUN_LIVE_VOTE
from soslab.teams.services import guardian_consent_record, membership_add
from tests.factories import ModeratorFactory, StaffFactory, UserFactory
from tests.teams.factories import ChildFactory, make_team

ROLES = [
    # role, manage team, edit project, run live vote
    ("anonymous", False, False, False),
    ("citizen", False, False, False),
    ("child_without_consent", False, False, False),
    ("child_with_consent", False, True, False),
    ("member", False, True, False),
    ("mentor", False, True, False),
    ("leader", True, True, False),
    ("other_team_leader", False, False, False),
    ("moderator", False, False, True),
    ("staff", True, True, True),
]


def _person(role, team, other_team):
    if role == "anonymous":
        return AnonymousUser()
    if role == "citizen":
        return UserFactory()
    if role in ("child_without_consent", "child_with_consent"):
        child = ChildFactory()
        membership_add(team=team, user=child)
        if role == "child_with_consent":
            guardian_consent_record(
                user=child,
                guardian_name="보호자",
                guardian_contact="010",
                method="paper",
                given_at=timezone.now(),
                recorded_by=None,
            )
        return type(child).objects.get(pk=child.pk)
    if role == "member":
        user = UserFactory()
        membership_add(team=team, user=user)
        return user
    if role == "mentor":
        user = UserFactory()
        membership_add(team=team, user=user, role=TeamRole.MENTOR, company_name="기업")
        return user
    if role == "leader":
        return team.memberships.get(role=TeamRole.LEADER).user
    if role == "other_team_leader":
        return other_team.memberships.get(role=TeamRole.LEADER).user
    if role == "moderator":
        return ModeratorFactory()
    return StaffFactory()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "manage", "edit", "live"), ROLES)
def test_role_table(role, manage, edit, live):
    team, other_team = make_team(), make_team()
    person = _person(role, team, other_team)
    assert person.has_perm(MANAGE_TEAM, team) is manage
    assert person.has_perm(EDIT_TEAM_PROJECT, team) is edit
    assert person.has_perm(RUN_LIVE_VOTE) is live
