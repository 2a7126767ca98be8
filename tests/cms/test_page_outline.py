"""Page outlines a screen-reader user can navigate: one h1 first, no heading skips a level (h1 -> h3),
on the project pages and the list pages whose cards sit right under the h1."""

import pytest

from tests.problems.factories import ProblemFactory
from tests.support.html import heading_jumps, parse
from tests.teams.factories import make_project, make_team, project_index

pytestmark = pytest.mark.django_db

STORY_WITH_H3 = [("text", "<h3>왜 만들었나요</h3><p>밤이면 운전자가 보행자를 늦게 봅니다.</p>")]


def test_project_page_outline_has_no_skipped_level(client):
    project = make_project(make_team(), body=STORY_WITH_H3)
    html = client.get(project.url).content.decode()
    assert "왜 만들었나요" in html
    assert heading_jumps(html) == []


def test_project_index_page_outline_has_no_skipped_level(client):
    index = project_index()
    make_project(make_team())
    html = client.get(index.url).content.decode()
    levels = [level for level, _text in parse(html).headings()]
    assert levels[0] == 1 and 2 in levels
    assert heading_jumps(html) == []


def test_problem_list_page_outline_has_no_skipped_level(client):
    ProblemFactory()
    assert heading_jumps(client.get("/problems/")) == []


def test_home_page_outline_has_no_skipped_level(client, home_page):
    assert heading_jumps(client.get("/")) == []
