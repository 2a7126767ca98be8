"""Blocked and unverified people are read-only everywhere, through the one posting check
(soslab.accounts.permissions.posting_refusal), enforced in the services (issue 11, finding 8)."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from cms.projects.services import project_page_create
from soslab.accounts.permissions import PostingRefused, posting_refusal
from soslab.accounts.services import profile_update
from soslab.notifications.models import Follow
from soslab.notifications.services import follow_add
from soslab.problems.still_there import problem_still_there_answer
from soslab.teams.joining import invitation_create, join_request_create, join_request_decide
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_project, make_team, project_index


def _blocked():
    return UserFactory(blocked_until=timezone.now() + dt.timedelta(days=7), block_reason="spam")


def _unverified():
    return UserFactory(verified=False)


READ_ONLY = {"blocked": _blocked, "unverified": _unverified}
CODES = {"blocked": "blocked", "unverified": "email_unverified"}


def _message_ko(user):
    with translation.override("ko"):
        return str(posting_refusal(user).message)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", READ_ONLY)
def test_read_only_people_cannot_change_their_public_name(client, kind):
    person = READ_ONLY[kind]()
    client.force_login(person)

    response = client.post(
        "/accounts/profile/", {"display_name": "새 이름", "email_frequency": person.email_frequency}
    )

    assert response.status_code == 403
    assert _message_ko(person) in response.content.decode()
    person.refresh_from_db()
    assert person.display_name != "새 이름"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", READ_ONLY)
def test_the_profile_service_refuses_the_name_change(kind):
    person = READ_ONLY[kind]()
    with pytest.raises(PostingRefused) as refused:
        profile_update(user=person, display_name="새 이름", email_frequency=person.email_frequency)
    assert refused.value.code == CODES[kind]


@pytest.mark.django_db
def test_a_blocked_person_may_still_turn_emails_off(client):
    person = _blocked()
    client.force_login(person)

    response = client.post(
        "/accounts/profile/", {"display_name": person.display_name, "email_frequency": "off"}
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email_frequency == "off"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", READ_ONLY)
def test_read_only_people_cannot_follow(client, kind):
    person = READ_ONLY[kind]()
    problem = ProblemFactory()
    client.force_login(person)
    data = {"target": "problems.problem", "object_id": problem.pk, "action": "follow"}

    api = client.post("/notifications/follow/", data, headers={"accept": "application/json"})
    page = client.post("/notifications/follow/", data, follow=True)

    assert api.status_code == 403
    assert api.json()["error"] == CODES[kind]
    assert _message_ko(person) in page.content.decode()
    assert not Follow.objects.filter(user=person).exists()
    with pytest.raises(PostingRefused):
        follow_add(user=person, target=problem)


@pytest.mark.django_db
def test_a_blocked_person_may_still_unfollow(client):
    person = UserFactory()
    problem = ProblemFactory()
    follow_add(user=person, target=problem)
    person.blocked_until = timezone.now() + dt.timedelta(days=7)
    person.save(update_fields=["blocked_until"])
    client.force_login(person)

    client.post(
        "/notifications/follow/",
        {"target": "problems.problem", "object_id": problem.pk, "action": "unfollow"},
    )

    assert not Follow.objects.filter(user=person).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", READ_ONLY)
def test_read_only_authors_cannot_answer_still_there(kind):
    person = READ_ONLY[kind]()
    problem = ProblemFactory(author=person)
    with pytest.raises(PostingRefused):
        problem_still_there_answer(problem=problem, user=person, still_there=False)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", READ_ONLY)
def test_read_only_leaders_cannot_invite_approve_or_start_a_project(kind):
    leader = UserFactory()
    team = make_team(leader=leader)
    request = join_request_create(team=team, user=UserFactory())
    project_index()
    read_only = READ_ONLY[kind]()
    leader.blocked_until = read_only.blocked_until
    leader.save(update_fields=["blocked_until"])
    if kind == "unverified":
        leader.emailaddress_set.update(verified=False)
    leader = type(leader).objects.get(pk=leader.pk)

    with pytest.raises(PostingRefused):
        invitation_create(team=team, created_by=leader)
    with pytest.raises(PostingRefused):
        join_request_decide(join_request=request, actor=leader, approve=True)
    with pytest.raises(PostingRefused):
        project_page_create(team=team, title="새 프로젝트", summary="요약", actor=leader)


@pytest.mark.django_db
def test_a_blocked_team_member_cannot_open_the_page_editor(client):
    member = UserFactory()
    team = make_team(members=[member])
    project = make_project(team)
    client.force_login(member)
    assert client.get(f"/admin/pages/{project.pk}/edit/").status_code == 200

    member.blocked_until = timezone.now() + dt.timedelta(days=7)
    member.save(update_fields=["blocked_until"])
    response = client.get(f"/admin/pages/{project.pk}/edit/")

    assert response.status_code == 302
    assert f"/admin/pages/{project.pk}/edit/" not in response.headers["Location"]
