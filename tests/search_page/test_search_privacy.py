"""Nothing hidden, pending or private is found, counted or quoted: for each case a unique word
gives zero results and the word is nowhere in the page."""

import pytest
from wagtail.models import PageViewRestriction

from soslab.moderation.models import ModerationState
from tests.ideas.factories import IdeaFactory, make_round
from tests.teams.factories import make_project, make_team

from .conftest import WORD, problem_with

pytestmark = pytest.mark.django_db

SECRET = "은밀한다락방"


def _search(client, q=SECRET, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def _assert_not_found(client, secret=SECRET):
    for kind in ("", "problems", "ideas", "projects", "results", "rounds"):
        html = _search(client, q=secret, kind=kind)
        assert "search-result" not in html.replace("search-results", ""), kind
        # The word is only echoed as the query (escaped); never in a title, snippet or link.
        assert html.count(secret) == html.count(f"“{secret}”") + html.count(f'value="{secret}"')


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.PENDING])
def test_a_problem_not_public_is_not_found(client, content, state):
    problem_with(SECRET, moderation_state=state)
    _assert_not_found(client)


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.PENDING])
def test_an_idea_not_public_is_not_found(client, content, state):
    IdeaFactory(round=content.round, summary=f"{SECRET} 요약", moderation_state=state)
    _assert_not_found(client)


def test_an_idea_of_an_unpublished_round_is_not_found(client, content):
    hidden_round = make_round(title="준비 중 라운드")
    IdeaFactory(round=hidden_round, summary=f"{SECRET} 요약")
    hidden_round.unpublish()
    _assert_not_found(client)


def test_a_draft_project_is_not_found(client, content):
    make_project(make_team(), live=False, summary=f"{SECRET} 초안")
    _assert_not_found(client)


def test_an_unpublished_project_is_not_found(client, content):
    project = make_project(make_team(), summary=f"{SECRET} 공개였음")
    assert SECRET in _search(client)  # found while live
    project.unpublish()
    _assert_not_found(client)


def test_a_live_pages_unpublished_draft_is_not_found(client, content):
    project = content.project
    project.summary = f"{SECRET} 아직 검토 중인 고친 글"
    project.save_revision()  # a draft: the live page keeps its text
    _assert_not_found(client)
    assert content.project.url in _search(client, q=WORD)


def test_a_page_behind_a_view_restriction_is_not_found(client, content):
    project = make_project(make_team(), summary=f"{SECRET} 팀 전용")
    PageViewRestriction.objects.create(page=project, restriction_type="login")
    _assert_not_found(client)


def test_a_round_under_a_restricted_ancestor_hides_its_ideas(client, content):
    IdeaFactory(round=content.round, summary=f"{SECRET} 요약")
    PageViewRestriction.objects.create(page=content.round.get_parent(), restriction_type="login")
    _assert_not_found(client)
    html = _search(client, q=WORD)
    assert content.round.url not in html and content.idea.get_absolute_url() not in html


# --- escaping -------------------------------------------------------------------------------


def test_the_query_is_escaped_everywhere(client, content):
    html = _search(client, q='<script>alert(1)</script>"><b>')
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    assert '"><b>' not in html


def test_stored_text_in_snippets_is_escaped(client, content):
    problem_with(
        SECRET,
        category=content.category,
        description=f'{SECRET} <img src=x onerror="alert(1)"> <mark>가짜</mark>',
    )
    html = _search(client)
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
    assert "<mark>가짜</mark>" not in html
