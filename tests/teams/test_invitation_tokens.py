"""Invitation links are secrets: random, stored hashed, expiring, single-use, shown only once to
the leader who made them, and never part of a public URL (issue 11, findings 1 and 2)."""

import datetime as dt
import hashlib

import pytest
from django.core import signing
from django.utils import timezone

from soslab.teams.joining import invitation_create, invitation_from_token
from soslab.teams.models import Invitation, Membership
from soslab.teams.services import TeamActionRefused
from tests.factories import UserFactory
from tests.teams.factories import make_project, make_team


def _issue(**kwargs):
    leader = UserFactory()
    team = make_team(leader=leader)
    return team, invitation_create(team=team, created_by=leader, **kwargs)


@pytest.mark.django_db
def test_the_token_is_random_and_stored_only_as_its_hash():
    _team, issued = _issue()
    _team2, other = _issue()
    row = Invitation.objects.get(pk=issued.invitation.pk)

    assert len(issued.token) >= 40
    assert issued.token != other.token
    assert row.token_hash == hashlib.sha256(issued.token.encode()).hexdigest()
    stored = " ".join(
        str(value) for value in Invitation.objects.filter(pk=row.pk).values()[0].values()
    )
    assert issued.token not in stored


@pytest.mark.django_db
def test_the_invitation_url_cannot_be_derived_from_its_id():
    _team, issued = _issue()
    invitation = issued.invitation

    assert not hasattr(invitation, "get_absolute_url")
    assert not hasattr(invitation, "token")
    with pytest.raises(TeamActionRefused):  # the id itself opens nothing
        invitation_from_token(str(invitation.pk))


@pytest.mark.django_db
@pytest.mark.parametrize("compress", [True, False])
def test_an_old_style_signed_token_is_refused(client, compress):
    team, issued = _issue()
    old = signing.dumps(
        {"i": issued.invitation.pk}, salt="soslab.teams.invitation", compress=compress
    )
    client.force_login(UserFactory())

    with pytest.raises(TeamActionRefused) as refused:
        invitation_from_token(old)
    response = client.post(f"/teams/join/{old}/")

    assert refused.value.code == "invitation_invalid"
    assert response.status_code == 404
    assert Membership.objects.filter(team=team).count() == 1  # only the leader


@pytest.mark.django_db
def test_an_outsider_cannot_join_or_edit_the_project_without_the_link(client):
    team, issued = _issue()
    project = make_project(team)
    outsider = UserFactory()
    client.force_login(outsider)

    for guess in ("x", "a" * 43, str(issued.invitation.pk), "a" * 5000):
        assert client.post(f"/teams/join/{guess}/").status_code == 404
    follow = client.post(
        "/notifications/follow/",
        {"target": "teams.invitation", "object_id": issued.invitation.pk, "action": "follow"},
    )

    assert follow.status_code == 404
    assert not Membership.objects.filter(team=team, user=outsider).exists()
    assert client.get(f"/admin/pages/{project.pk}/edit/").status_code != 200


@pytest.mark.django_db
def test_a_link_works_for_one_person_only(client):
    team, issued = _issue()
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    assert client.post(issued.path).status_code == 302

    client.force_login(second)
    response = client.post(issued.path)

    assert response.status_code == 410
    assert (
        "already been used" in response.content.decode() or "이미 사용" in response.content.decode()
    )
    assert not Membership.objects.filter(team=team, user=second).exists()
    issued.invitation.refresh_from_db()
    assert issued.invitation.used_by == first


@pytest.mark.django_db
def test_an_expired_link_shows_a_clear_page(client):
    _team, issued = _issue()
    Invitation.objects.filter(pk=issued.invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )

    response = client.get(issued.path)

    assert response.status_code == 410
    body = response.content.decode()
    assert "expired" in body or "유효 기간" in body
    assert "Join the team" not in body and "팀에 참여" not in body


@pytest.mark.django_db
def test_the_leader_sees_a_new_link_once(client):
    leader = UserFactory()
    team = make_team(leader=leader)
    client.force_login(leader)

    client.post(f"/teams/{team.slug}/invitations/", {"role": "member", "days": 7})
    first = client.get(team.get_absolute_url())
    second = client.get(team.get_absolute_url())

    assert "/teams/join/" in first.content.decode()
    assert "no-store" in first.headers["Cache-Control"]
    assert "/teams/join/" not in second.content.decode()
    assert Invitation.objects.filter(team=team).count() == 1
