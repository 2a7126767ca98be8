"""List pages: constant query counts, pagination, and the home page section."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.teams.factories import make_event, make_project, make_team, project_index, results_index


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_projects_index_query_count_does_not_grow_with_projects(client):
    index = project_index()
    team = make_team()
    make_project(team)
    few = _queries(client, index.url)
    for _ in range(6):
        make_project(make_team())
    assert _queries(client, index.url) == few


@pytest.mark.django_db
def test_projects_index_paginates_by_20(client):
    index = project_index()
    team = make_team()
    for _ in range(21):
        make_project(team)
    first = client.get(index.url).content.decode()
    second = client.get(index.url + "?page=2").content.decode()
    assert first.count('class="card project-card"') == 20
    assert second.count('class="card project-card"') == 1


@pytest.mark.django_db
def test_results_index_query_count_does_not_grow_with_events(client):
    index = results_index()
    make_event()
    few = _queries(client, index.url)
    for _ in range(5):
        make_event()
    assert _queries(client, index.url) == few


@pytest.mark.django_db
def test_team_list_query_count_does_not_grow_with_teams(client):
    make_team()
    few = _queries(client, "/teams/")
    for _ in range(5):
        make_team()
    assert _queries(client, "/teams/") == few


@pytest.mark.django_db
def test_event_page_query_count_does_not_grow_with_projects(client, staff):
    from soslab.teams.live_vote import live_vote_open

    event = make_event(projects=[make_project(make_team())])
    few = _queries(client, event.url)
    event = make_event(projects=[make_project(make_team()) for _ in range(5)])
    live_vote_open(event=event, actor=staff)
    # one more query for the open vote's options is allowed; nothing per project
    assert _queries(client, event.url) <= few


@pytest.mark.django_db
def test_home_page_features_published_projects(client):
    from tests.teams.factories import home_page

    home_page()
    make_project(make_team(), title="공개된 프로젝트", featured=True)
    make_project(make_team(), title="비공개 초안", live=False)

    html = client.get("/").content.decode()

    assert "공개된 프로젝트" in html
    assert "비공개 초안" not in html


@pytest.mark.django_db
def test_published_project_page_has_comments(client, citizen):
    project = make_project(make_team(), title="댓글 받을 프로젝트")
    client.force_login(citizen)
    html = client.get(project.url).content.decode()
    assert "댓글 받을 프로젝트" in html
    assert f'name="object_id" value="{project.pk}"' in html


@pytest.mark.django_db
def test_team_page_query_count_does_not_grow_with_members(client):
    from tests.factories import UserFactory

    team = make_team(members=[UserFactory()])
    make_project(team)
    _queries(client, team.get_absolute_url())  # warm per-process caches (site root paths)
    few = _queries(client, team.get_absolute_url())
    for _ in range(6):
        from soslab.teams.services import membership_add

        membership_add(team=team, user=UserFactory())
    assert _queries(client, team.get_absolute_url()) == few
