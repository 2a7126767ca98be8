"""The shared spam and personal-data checks wired into the real posting surfaces: comments (post
and edit), ideas and the problem edit form. New accounts are limited in links (text kept), personal
data is warned about first (nothing saved) and, when the author publishes anyway, the item is
saved and flagged for moderator review; ideas also refuse the same text posted twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soslab.comments.models import Comment
from soslab.comments.views import SESSION_KEY
from soslab.ideas.models import Idea
from soslab.ideas.phases import Phase
from soslab.moderation.models import ModerationCase, Report
from soslab.problems.models import Problem
from tests.factories import UserFactory
from tests.ideas.factories import ProblemFactory, make_round

pytestmark = pytest.mark.django_db

LINKS_KO = "새 계정은 당분간 링크를"
PHONE_KO = "휴대전화 번호"
TWO_LINKS = "자세한 내용은 https://spam.example.kr/a 그리고 https://spam.example.kr/b 참고하세요"
PHONE_TEXT = "관리사무소 담당자 연락처는 010-1234-5678 입니다. 밤에 가로등이 꺼져요."


def _member(*, days_old):
    """A member with two published posts (so nothing is pre-moderated), joined `days_old` ago."""
    user = UserFactory()
    user.date_joined = timezone.now() - timedelta(days=days_old)
    user.save(update_fields=["date_joined"])
    ProblemFactory.create_batch(2, author=user)
    return user


@pytest.fixture
def newcomer(db, settings):
    settings.SOSLAB_NEW_ACCOUNT_DAYS = 7
    settings.SOSLAB_NEW_ACCOUNT_MAX_LINKS = 1
    return _member(days_old=1)


@pytest.fixture
def veteran(db, settings):
    settings.SOSLAB_NEW_ACCOUNT_DAYS = 7
    settings.SOSLAB_NEW_ACCOUNT_MAX_LINKS = 1
    return _member(days_old=30)


def _assert_flagged(obj):
    case = ModerationCase.objects.for_object(obj).get()
    assert case.flagged_by_system and case.status == "open"
    assert Report.objects.get(case=case).is_system


# --- Comments ----------------------------------------------------------------------------------


def _comment(problem, body, **extra):
    data = {"target": "problems.problem", "object_id": problem.pk, "body": body, "website": ""}
    data.update(extra)
    return data


def test_new_account_comment_with_two_links_is_refused_and_text_kept(client, newcomer):
    problem = ProblemFactory()
    client.force_login(newcomer)
    response = client.post("/comments/post/", _comment(problem, TWO_LINKS))
    assert response.status_code == 302
    assert not Comment.objects.exists()
    state = client.session[SESSION_KEY]
    assert state["body"] == TWO_LINKS and LINKS_KO in state["error"]
    page = client.get(problem.get_absolute_url()).content.decode()
    assert LINKS_KO in page and "https://spam.example.kr/b" in page  # reason shown, text kept


def test_new_account_comment_links_refused_as_json(client, newcomer):
    problem = ProblemFactory()
    client.force_login(newcomer)
    response = client.post(
        "/comments/post/", _comment(problem, TWO_LINKS), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == "too_many_links"
    assert LINKS_KO in response.json()["message"]
    assert not Comment.objects.exists()


def test_old_account_may_post_links_in_a_comment(client, veteran):
    problem = ProblemFactory()
    client.force_login(veteran)
    client.post("/comments/post/", _comment(problem, TWO_LINKS))
    assert Comment.objects.get().body == TWO_LINKS


def test_comment_with_phone_number_is_warned_then_published_and_flagged(client, veteran):
    problem = ProblemFactory()
    client.force_login(veteran)
    client.post("/comments/post/", _comment(problem, PHONE_TEXT))
    assert not Comment.objects.exists()
    state = client.session[SESSION_KEY]
    assert state["body"] == PHONE_TEXT and state["confirm_personal_data"]
    page = client.get(problem.get_absolute_url()).content.decode()
    assert PHONE_KO in page and "010-1234-5678" in page
    assert 'type="checkbox" name="publish_with_personal_data"' in page

    client.post("/comments/post/", _comment(problem, PHONE_TEXT, publish_with_personal_data="on"))
    comment = Comment.objects.get()
    assert comment.body == PHONE_TEXT
    _assert_flagged(comment)


def test_comment_edit_checks_links_and_personal_data(client, newcomer):
    problem = ProblemFactory()
    client.force_login(newcomer)
    client.post("/comments/post/", _comment(problem, "저도 매일 이 길을 지나갑니다."))
    comment = Comment.objects.get()
    client.post(f"/comments/{comment.pk}/edit/", {"body": TWO_LINKS})
    comment.refresh_from_db()
    assert comment.body == "저도 매일 이 길을 지나갑니다."
    assert client.session[SESSION_KEY]["body"] == TWO_LINKS

    client.post(f"/comments/{comment.pk}/edit/", {"body": PHONE_TEXT})
    comment.refresh_from_db()
    assert comment.body != PHONE_TEXT
    assert client.session[SESSION_KEY]["confirm_personal_data"]
    client.post(
        f"/comments/{comment.pk}/edit/",
        {"body": PHONE_TEXT, "publish_with_personal_data": "on"},
    )
    comment.refresh_from_db()
    assert comment.body == PHONE_TEXT
    _assert_flagged(comment)


# --- Ideas -------------------------------------------------------------------------------------


@pytest.fixture
def ideas_round(db):
    return make_round(Phase.IDEAS)


def _idea(problem, **overrides):
    data = {
        "title": "어르신 보행 신호 자동 연장",
        "summary": "횡단보도에 사람이 남아 있으면 신호를 몇 초 늘립니다.",
        "description": "압력 센서로 보행자를 감지합니다.\n전주시 교통과와 함께 시범 설치를 제안합니다.",
        "problems": [problem.pk],
        "tags": "",
    }
    data.update(overrides)
    return data


def test_new_account_idea_with_two_links_is_refused_and_text_kept(client, newcomer, ideas_round):
    problem = ProblemFactory()
    client.force_login(newcomer)
    response = client.post(f"{ideas_round.url}ideas/new/", _idea(problem, description=TWO_LINKS))
    assert response.status_code == 200
    body = response.content.decode()
    assert LINKS_KO in body and "https://spam.example.kr/b" in body
    assert not Idea.objects.exists()


def test_old_account_may_post_links_in_an_idea(client, veteran, ideas_round):
    problem = ProblemFactory()
    client.force_login(veteran)
    response = client.post(f"{ideas_round.url}ideas/new/", _idea(problem, description=TWO_LINKS))
    assert response.status_code == 302
    assert Idea.objects.get().description == TWO_LINKS


def test_idea_with_phone_number_is_warned_then_published_and_flagged(client, veteran, ideas_round):
    problem = ProblemFactory()
    client.force_login(veteran)
    url = f"{ideas_round.url}ideas/new/"
    response = client.post(url, _idea(problem, description=PHONE_TEXT))
    body = response.content.decode()
    assert PHONE_KO in body and "010-1234-5678" in body
    assert 'name="publish_with_personal_data"' in body and 'type="checkbox"' in body
    assert not Idea.objects.exists()

    response = client.post(
        url, _idea(problem, description=PHONE_TEXT, publish_with_personal_data="on")
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    _assert_flagged(idea)


def test_same_idea_text_twice_is_refused(client, veteran, ideas_round):
    problem = ProblemFactory()
    client.force_login(veteran)
    url = f"{ideas_round.url}ideas/new/"
    assert client.post(url, _idea(problem)).status_code == 302
    response = client.post(url, _idea(problem, title="같은 내용 다시 올리기"))
    assert response.status_code == 200
    assert "이미 같은 내용을 올리셨습니다" in response.content.decode()
    assert Idea.objects.count() == 1


# --- Problem edit ------------------------------------------------------------------------------


def _problem_edit(problem, **overrides):
    data = {
        "title": problem.title,
        "description": problem.description,
        "category": problem.category_id,
        "tags": "",
        "location_text": "",
    }
    data.update(overrides)
    return data


def test_problem_edit_limits_new_accounts_links_and_warns_about_personal_data(client, newcomer):
    problem = Problem.objects.filter(author=newcomer).first()
    original = problem.description
    client.force_login(newcomer)
    url = f"/problems/{problem.pk}/edit/"
    response = client.post(url, _problem_edit(problem, description=TWO_LINKS))
    assert response.status_code == 400
    assert LINKS_KO in response.content.decode()
    assert "https://spam.example.kr/b" in response.content.decode()

    response = client.post(url, _problem_edit(problem, description=PHONE_TEXT))
    assert response.status_code == 400
    assert PHONE_KO in response.content.decode()
    problem.refresh_from_db()
    assert problem.description == original

    response = client.post(
        url, _problem_edit(problem, description=PHONE_TEXT, publish_with_personal_data="on")
    )
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.description == PHONE_TEXT
    _assert_flagged(problem)


def test_new_account_problem_with_two_links_is_refused_and_text_kept(client, newcomer, dongs):
    from tests.problems.factories import CITY_HALL, CategoryFactory

    category = CategoryFactory(slug="roads-wiring", name="도로")
    client.force_login(newcomer)
    data = {
        "title": "효자동 공원 가로등 고장",
        "category": category.pk,
        "description": TWO_LINKS,
        "lat": CITY_HALL[0],
        "lon": CITY_HALL[1],
        "dong": "",
        "location_text": "",
        "tags": "",
        "website": "",
        "confirmed": "1",
    }
    before = Problem.objects.count()
    response = client.post("/problems/new/", data)
    assert response.status_code == 400
    assert LINKS_KO in response.content.decode()
    assert "https://spam.example.kr/b" in response.content.decode()
    assert Problem.objects.count() == before
