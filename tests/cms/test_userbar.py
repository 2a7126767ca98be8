"""Citizens get no CMS chrome: the Wagtail editing bar only for people who can edit what they look
at, and the admin only for staff, moderators and teams with a project page to edit."""

import pytest

from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_project, make_team

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def _html(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_citizen_page_has_no_userbar(client, citizen, home_page):
    assert USERBAR not in _html(client, citizen, "/")


def test_staff_page_has_the_userbar(client, staff, home_page):
    assert USERBAR in _html(client, staff, "/")


def test_moderator_gets_the_userbar_on_citizen_content_not_on_pages_they_cannot_edit(
    client, moderator, home_page
):
    problem = ProblemFactory()
    assert USERBAR in _html(client, moderator, problem.get_absolute_url())
    assert USERBAR not in _html(client, moderator, "/")


def test_team_editor_gets_the_userbar_on_their_project_only(client, citizen, home_page):
    team = make_team(leader=citizen)
    project = make_project(team)
    other = make_project(make_team())
    assert USERBAR in _html(client, citizen, project.url)
    assert USERBAR not in _html(client, citizen, other.url)
    assert USERBAR not in _html(client, citizen, "/")
    assert USERBAR not in _html(client, citizen, ProblemFactory().get_absolute_url())


def test_citizen_cannot_open_the_admin(client, citizen):
    client.force_login(citizen)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert "wagtail-dashboard" not in response.content.decode()


def test_team_member_without_a_project_page_cannot_open_the_admin(client, citizen):
    make_team(leader=citizen)
    client.force_login(citizen)
    assert client.get("/admin/").status_code in (302, 403)


def test_team_with_a_project_page_opens_the_admin_to_its_editors(client, citizen):
    team = make_team(leader=citizen)
    client.force_login(citizen)
    assert client.get("/admin/").status_code in (302, 403)
    make_project(team)
    assert client.get("/admin/").status_code == 200


def test_staff_and_moderators_open_the_admin(client, staff, moderator):
    for user in (staff, moderator):
        client.force_login(user)
        assert client.get("/admin/").status_code == 200
