"""Guardian consent (PIPA): under-14 members are hidden and cannot edit until consent is recorded."""

import pytest
from django.utils import timezone

from soslab.teams.models import ConsentMethod, Membership
from soslab.teams.services import guardian_consent_record
from tests.teams.factories import ChildFactory, TeenFactory, make_project, make_team


def _record(child, staff):
    return guardian_consent_record(
        user=child,
        guardian_name="김보호",
        guardian_contact="010-1234-5678",
        method=ConsentMethod.PAPER,
        given_at=timezone.now(),
        recorded_by=staff,
    )


@pytest.mark.django_db
def test_child_without_consent_is_not_shown_on_the_public_team_page(client):
    child = ChildFactory(display_name="비공개메이커")
    team = make_team(members=[child])

    response = client.get(team.get_absolute_url())

    assert response.status_code == 200
    assert "비공개메이커" not in response.content.decode()
    assert child.pk not in [m.user_id for m in Membership.objects.filter(team=team).consented()]


@pytest.mark.django_db
def test_child_without_consent_cannot_edit_the_team_project(client):
    child = ChildFactory()
    team = make_team(members=[child])
    project = make_project(team, live=False)

    assert not project.permissions_for_user(child).can_edit()
    client.force_login(child)
    response = client.get(f"/admin/pages/{project.pk}/edit/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_recording_consent_shows_the_child_and_lets_them_edit(client, staff):
    child = ChildFactory(display_name="동의받은메이커")
    team = make_team(members=[child])
    project = make_project(team, live=False)

    _record(child, staff)

    assert "동의받은메이커" in client.get(team.get_absolute_url()).content.decode()
    child.refresh_from_db()
    assert project.permissions_for_user(child).can_edit()
    client.force_login(child)
    assert client.get(f"/admin/pages/{project.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_teen_is_shown_by_display_name_only(client):
    teen = TeenFactory(display_name="청소년메이커", first_name="길동", last_name="홍")
    team = make_team(members=[teen])

    html = client.get(team.get_absolute_url()).content.decode()

    assert "청소년메이커" in html
    assert "홍" not in html.split("<main", 1)[1].split("</main>")[0].replace("홍보", "")
    assert teen.email not in html


@pytest.mark.django_db
def test_child_without_consent_is_left_out_of_the_project_page_members(client):
    child = ChildFactory(display_name="숨김메이커")
    team = make_team(members=[child])
    project = make_project(team)

    html = client.get(project.url).content.decode()

    assert response_ok(html)
    assert "숨김메이커" not in html


def response_ok(html):
    return "<main" in html


@pytest.mark.django_db
def test_insiders_see_who_is_missing_consent(client):
    child = ChildFactory(display_name="대기메이커")
    leader = TeenFactory()
    team = make_team(leader=leader, members=[child])
    client.force_login(leader)

    html = client.get(team.get_absolute_url()).content.decode()

    assert "대기메이커" in html
    assert "Guardian consent missing" in html or "법정대리인" in html
