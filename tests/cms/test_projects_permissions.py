"""Team members edit their own project in the Wagtail admin and nothing else."""

import pytest

from cms.projects.models import ProjectPage
from tests.factories import UserFactory
from tests.teams.factories import make_project, make_team, project_index


@pytest.fixture
def two_teams(db):
    alice, bob = UserFactory(display_name="앨리스"), UserFactory(display_name="밥")
    team_a, team_b = make_team(leader=alice), make_team(leader=bob)
    project_a = make_project(team_a, live=False, title="A팀 프로젝트")
    project_b = make_project(team_b, live=False, title="B팀 프로젝트")
    return alice, project_a, project_b


@pytest.mark.django_db
def test_member_can_edit_own_project_but_not_another_teams(two_teams):
    alice, project_a, project_b = two_teams

    assert project_a.permissions_for_user(alice).can_edit()
    assert not project_b.permissions_for_user(alice).can_edit()
    assert not project_a.permissions_for_user(alice).can_publish()
    assert not project_index().permissions_for_user(alice).can_add_subpage()


@pytest.mark.django_db
def test_admin_edit_url_of_another_teams_project_is_refused(client, two_teams):
    alice, project_a, project_b = two_teams
    client.force_login(alice)

    assert client.get(f"/admin/pages/{project_a.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{project_b.pk}/edit/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_posting_to_another_teams_project_changes_nothing(client, two_teams):
    alice, _project_a, project_b = two_teams
    client.force_login(alice)

    response = client.post(
        f"/admin/pages/{project_b.pk}/edit/",
        {"title": "해킹", "slug": project_b.slug, "summary": "바꿈"},
    )

    assert response.status_code in (302, 403)
    project_b.refresh_from_db()
    assert project_b.title == "B팀 프로젝트"
    assert project_b.get_latest_revision_as_object().title == "B팀 프로젝트"


@pytest.mark.django_db
def test_admin_explorer_does_not_list_other_teams_projects_as_editable(client, two_teams):
    alice, project_a, project_b = two_teams
    client.force_login(alice)

    response = client.get("/admin/pages/search/?q=프로젝트")

    html = response.content.decode()
    assert f"/admin/pages/{project_a.pk}/edit/" in html
    assert f"/admin/pages/{project_b.pk}/edit/" not in html


@pytest.mark.django_db
def test_drafts_stay_private(client, two_teams):
    _alice, project_a, _project_b = two_teams

    assert not ProjectPage.objects.get(pk=project_a.pk).live
    assert client.get(project_a.url or f"/projects/{project_a.slug}/").status_code == 404


@pytest.mark.django_db
def test_removed_member_loses_edit_access(two_teams):
    from soslab.teams.models import Membership
    from soslab.teams.services import membership_add, membership_remove

    _alice, project_a, _project_b = two_teams
    helper = UserFactory()
    membership_add(team=project_a.team, user=helper)
    assert project_a.permissions_for_user(helper).can_edit()

    membership_remove(membership=Membership.objects.get(team=project_a.team, user=helper))
    helper = type(helper).objects.get(pk=helper.pk)
    assert not project_a.permissions_for_user(helper).can_edit()
