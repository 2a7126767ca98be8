"""Team notifications: the leader hears of a join request, the person of the answer, the team of
its project page's review (approved or sent back) and of an accepted invitation."""

import pytest

from soslab.notifications.models import Notification
from soslab.teams.joining import (
    invitation_accept,
    invitation_create,
    join_request_create,
    join_request_decide,
)
from soslab.teams.models import TeamRole
from soslab.teams.services import membership_add
from tests.factories import ModeratorFactory, UserFactory
from tests.teams.factories import make_project, make_team


def _messages(person):
    return list(Notification.objects.filter(recipient=person).values_list("message", flat=True))


@pytest.mark.django_db
def test_the_leader_is_told_of_a_join_request():
    leader, member, asker = UserFactory(), UserFactory(), UserFactory(display_name="새싹")
    team = make_team(leader=leader, members=[member])
    join_request_create(team=team, user=asker, message="같이 해요")
    assert len(_messages(leader)) == 1 and "새싹" in _messages(leader)[0]
    assert _messages(member) == []
    assert _messages(asker) == []


@pytest.mark.django_db
@pytest.mark.parametrize("approve", [True, False])
def test_the_person_is_told_the_answer(approve):
    leader, asker = UserFactory(), UserFactory()
    team = make_team(leader=leader)
    request = join_request_create(team=team, user=asker)
    join_request_decide(join_request=request, actor=leader, approve=approve)
    (message,) = _messages(asker)
    assert team.name in message
    assert ("accepted" in message or "수락" in message) is approve


@pytest.mark.django_db
def test_the_team_is_told_when_an_invitation_is_accepted():
    leader, newcomer = UserFactory(), UserFactory(display_name="초대받은이")
    team = make_team(leader=leader)
    issued = invitation_create(team=team, created_by=leader)
    invitation_accept(invitation=issued.invitation, user=newcomer)
    assert any("초대받은이" in m for m in _messages(leader))
    assert _messages(newcomer) == []


def _review(team, *, approve):
    member = UserFactory()
    membership_add(team=team, user=member, role=TeamRole.MEMBER)
    project = make_project(team, live=False, title="스마트 횡단보도")
    state = project.get_workflow().start(project, member)
    moderator = ModeratorFactory()
    task_state = state.current_task_state.specific
    if approve:
        task_state.approve(user=moderator)
    else:
        task_state.reject(user=moderator)
    return member


@pytest.mark.django_db
def test_the_team_is_told_when_its_project_is_approved():
    leader = UserFactory()
    member = _review(make_team(leader=leader), approve=True)
    assert any("스마트 횡단보도" in m for m in _messages(leader))
    assert any("스마트 횡단보도" in m for m in _messages(member))


@pytest.mark.django_db
def test_the_team_is_told_when_its_project_is_sent_back():
    leader = UserFactory()
    _review(make_team(leader=leader), approve=False)
    notification = Notification.objects.get(recipient=leader)
    assert "스마트 횡단보도" in notification.message
    assert notification.url.startswith("/admin/pages/")
