"""Joining a team: invitation links with an expiry, and requests the leader approves."""

import datetime as dt

import pytest
from django.utils import timezone

from soslab.teams.joining import (
    invitation_create,
    invitation_from_token,
    join_request_create,
    join_request_decide,
)
from soslab.teams.models import Invitation, JoinRequest, JoinRequestStatus, Membership, TeamRole
from soslab.teams.services import TeamActionRefused
from tests.factories import UserFactory
from tests.teams.factories import make_team


@pytest.mark.django_db
def test_invitation_link_adds_the_member_with_its_role(client):
    leader = UserFactory()
    team = make_team(leader=leader)
    issued = invitation_create(
        team=team, created_by=leader, role=TeamRole.MENTOR, company_name="전주스마트솔루션㈜"
    )
    mentor = UserFactory()
    client.force_login(mentor)

    response = client.post(issued.path)

    assert response.status_code == 302
    membership = Membership.objects.get(team=team, user=mentor)
    assert (membership.role, membership.company_name) == (TeamRole.MENTOR, "전주스마트솔루션㈜")
    assert "전주스마트솔루션㈜" in client.get(team.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_expired_invitation_is_refused_with_a_clear_message(client):
    leader = UserFactory()
    team = make_team(leader=leader)
    issued = invitation_create(team=team, created_by=leader)
    Invitation.objects.filter(pk=issued.invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    client.force_login(UserFactory())

    response = client.post(issued.path)

    assert response.status_code == 410
    assert "expired" in response.content.decode() or "유효 기간" in response.content.decode()
    assert Membership.objects.filter(team=team).count() == 1


@pytest.mark.django_db
def test_tampered_token_is_refused():
    leader = UserFactory()
    issued = invitation_create(team=make_team(leader=leader), created_by=leader)
    with pytest.raises(TeamActionRefused) as excinfo:
        invitation_from_token(issued.token[:-2] + "xx")
    assert excinfo.value.code == "invitation_invalid"


@pytest.mark.django_db
def test_withdrawn_invitation_is_refused(client):
    leader = UserFactory()
    team = make_team(leader=leader)
    issued = invitation_create(team=team, created_by=leader)
    client.force_login(leader)
    client.post(f"/teams/{team.slug}/invitations/{issued.invitation.pk}/withdraw/")
    client.force_login(UserFactory())

    assert client.post(issued.path).status_code == 410


@pytest.mark.django_db
def test_unverified_people_cannot_accept(client):
    leader = UserFactory()
    team = make_team(leader=leader)
    issued = invitation_create(team=team, created_by=leader)
    client.force_login(UserFactory(verified=False))

    response = client.post(issued.path)

    assert response.status_code == 403
    assert Membership.objects.filter(team=team).count() == 1


@pytest.mark.django_db
def test_leader_approves_a_join_request(client):
    leader, applicant = UserFactory(), UserFactory()
    team = make_team(leader=leader)
    client.force_login(applicant)
    client.post(f"/teams/{team.slug}/join/", {"message": "센서를 다룰 줄 알아요."})
    request = JoinRequest.objects.get(team=team, user=applicant)

    client.force_login(leader)
    response = client.post(f"/teams/{team.slug}/requests/{request.pk}/", {"decision": "approve"})

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == JoinRequestStatus.APPROVED
    assert Membership.objects.filter(team=team, user=applicant, role=TeamRole.MEMBER).exists()


@pytest.mark.django_db
def test_only_the_leader_answers_join_requests(client):
    leader, member, applicant = UserFactory(), UserFactory(), UserFactory()
    team = make_team(leader=leader, members=[member])
    request = join_request_create(team=team, user=applicant)
    client.force_login(member)

    response = client.post(f"/teams/{team.slug}/requests/{request.pk}/", {"decision": "approve"})

    assert response.status_code == 403
    assert not Membership.objects.filter(team=team, user=applicant).exists()
    with pytest.raises(TeamActionRefused):
        join_request_decide(join_request=request, actor=member, approve=True)


@pytest.mark.django_db
def test_a_second_pending_request_is_refused():
    team = make_team()
    applicant = UserFactory()
    join_request_create(team=team, user=applicant)
    with pytest.raises(TeamActionRefused) as excinfo:
        join_request_create(team=team, user=applicant)
    assert excinfo.value.code == "already_requested"


@pytest.mark.django_db
def test_a_person_can_be_in_several_teams():
    person = UserFactory()
    first, second = make_team(members=[person]), make_team(members=[person])
    assert set(Membership.objects.filter(user=person).values_list("team", flat=True)) == {
        first.pk,
        second.pk,
    }


@pytest.mark.django_db
def test_invitation_form_errors_keep_what_was_typed(client):
    leader = UserFactory()
    team = make_team(leader=leader)
    client.force_login(leader)

    response = client.post(
        f"/teams/{team.slug}/invitations/", {"role": "mentor", "company_name": "", "days": "7"}
    )

    assert response.status_code == 400
    assert "company" in response.content.decode().lower() or "회사" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_leader_starts_a_draft_project_page(client):
    from cms.projects.models import ProjectPage
    from tests.teams.factories import project_index

    project_index()
    leader = UserFactory()
    team = make_team(leader=leader)
    client.force_login(leader)

    response = client.post(
        f"/teams/{team.slug}/project/", {"title": "스마트 횡단보도", "summary": "밤길을 밝혀요."}
    )

    page = ProjectPage.objects.get(team=team)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert page.permissions_for_user(leader).can_edit()


@pytest.mark.django_db
def test_join_requests_are_rate_limited(client, settings):
    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "team_join": ["2/h/user"]}
    applicant = UserFactory()
    teams = [make_team() for _ in range(3)]
    client.force_login(applicant)

    codes = [client.post(f"/teams/{team.slug}/join/").status_code for team in teams]

    assert codes == [302, 302, 429]
    assert JoinRequest.objects.filter(user=applicant).count() == 2
