"""/statistics/ against constructed data: exact counts, answer times, overdue answers, share
solved, hidden content excluded, filters, CSV downloads, bad input and both languages."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.statistics.numbers import median, percentile_90
from soslab.ideas.models import Ballot
from soslab.moderation.models import ModerationState
from soslab.problems.models import ProblemStatus
from tests.factories import UserFactory
from tests.ideas.factories import make_dong, make_round
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.teams.factories import make_project, make_team

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def _table(response, key):
    return {str(row[0]): row[1:] for row in response.context["sections_by_key"][key].rows}


@pytest.fixture
def world():
    now = timezone.now()
    traffic = CategoryFactory(name="교통", name_en="Traffic", slug="traffic", sort_order=1)
    safety = CategoryFactory(name="안전", name_en="Safety", slug="safety", sort_order=2)
    dong = make_dong()
    # Answered after 1, 2, 3 and 10 days: median 2.5, 90th percentile (nearest rank 4 of 4) 10.
    for days, status in (
        (1, ProblemStatus.SOLVED),
        (2, ProblemStatus.SOLVED),
        (3, "reviewing"),
        (10, "received"),
    ):
        created = now - dt.timedelta(days=20)
        ProblemFactory(
            category=traffic,
            dong=dong,
            status=status,
            created_at=created,
            answered_at=created + days * DAY,
        )
    # Overdue (due yesterday, no answer) and due (tomorrow), both safety, last 30 days.
    ProblemFactory(category=safety, created_at=now - 5 * DAY, answer_due_at=now - DAY)
    ProblemFactory(category=safety, created_at=now - 5 * DAY, answer_due_at=now + DAY)
    # Old (400 days ago): only in "all".
    ProblemFactory(category=safety, created_at=now - 400 * DAY, status=ProblemStatus.SOLVED)
    # Never counted: hidden and pending, with an overdue answer.
    for state in (ModerationState.HIDDEN, ModerationState.PENDING):
        ProblemFactory(category=traffic, moderation_state=state, answer_due_at=now - DAY)
    return {"traffic": traffic, "safety": safety, "dong": dong}


def test_median_and_percentile_by_hand():
    assert median([1, 2, 3, 10]) == 2.5
    assert percentile_90([1, 2, 3, 10]) == 10
    assert percentile_90(list(range(1, 21))) == 18  # ceil(0.9 * 20) = 18th smallest
    assert median([]) is None and percentile_90([]) is None


def test_counts_answers_and_overdue(client, world):
    response = client.get("/statistics/")
    assert response.status_code == 200
    assert _table(response, "category") == {"교통": [4], "안전": [3]}
    assert _table(response, "dong") == {"완산구 효자1동": [4], "행정동 없음": [3]}
    status = _table(response, "status")
    assert status["해결됨"] == [3] and status["접수"] == [3] and status["검토중"] == [1]
    answers = _table(response, "answers")
    assert answers["문제"] == [7]
    assert answers["해결됨"] == [3]
    assert answers["해결 비율(%)"] == [42.9]
    assert answers["첫 공식 답변까지 걸린 날수(중앙값)"] == [2.5]
    assert answers["첫 공식 답변까지 걸린 날수(90번째 백분위수)"] == [10.0]
    assert answers["답변 기한이 남은 문제"] == [1]
    assert answers["답변 기한이 지난 문제"] == [1]
    assert sum(n for [n] in _table(response, "month").values()) == 7


def test_filters_period_and_category(client, world):
    response = client.get("/statistics/", {"period": "30d", "category": "safety"})
    assert _table(response, "category") == {"안전": [2]}
    assert _table(response, "answers")["답변 기한이 지난 문제"] == [1]
    response = client.get("/statistics/", {"period": "12m"})
    assert _table(response, "answers")["문제"] == [6]


@pytest.mark.parametrize(
    ("params", "message"),
    [({"period": "7y"}, "period"), ({"category": "nope"}, "nope"), ({"period": "30d\x00"}, "")],
)
def test_bad_filters_are_a_precise_400(client, world, params, message):
    response = client.get("/statistics/", params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert client.get("/statistics/category.csv", params).status_code == 400


def test_csv_of_a_table(client, world):
    response = client.get("/statistics/category.csv", {"period": "all"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff분류,문제\r\n")
    assert "교통,4\r\n" in text and "안전,3\r\n" in text
    assert client.get("/statistics/nothing.csv").status_code == 404


def test_rounds_and_projects(client, world):
    round_page = make_round(vote_budget=5)
    for used in (5, 3, 0):
        Ballot.objects.create(round=round_page, user=UserFactory(), votes_used=used)
    team = make_team()
    make_project(team, progress_status="building")
    make_project(team, progress_status="building")
    make_project(team, progress_status="done")
    make_project(team, progress_status="done", live=False)  # a draft is not counted
    response = client.get("/statistics/")
    # 2 voters (the empty ballot is no vote), 8 of their 10 votes used.
    assert _table(response, "rounds")[round_page.title][1:] == [2, 8, 80.0]
    projects = _table(response, "projects")
    assert projects["제작 중"] == [2] and projects["완료"] == [1] and projects["계획 중"] == [0]


def test_both_languages_render_charts_and_tables(client, world):
    korean = client.get("/statistics/").content.decode()
    assert "분류별 문제" in korean and 'role="img"' in korean and "<desc" in korean
    assert 'href="/map/dongs/"' in korean
    client.cookies["django_language"] = "en"
    english = client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Problems by category" in english and "Traffic" in english


def test_query_count_is_constant_and_numbers_are_cached(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get("/statistics/", {"period": "all"})
    for _n in range(20):
        ProblemFactory(category=world["safety"], dong=world["dong"])
    with django_assert_max_num_queries(12):
        client.get("/statistics/", {"period": "12m"})
    with django_assert_max_num_queries(1):  # cached: only the category list of the filter form
        client.get("/statistics/", {"period": "12m"})
