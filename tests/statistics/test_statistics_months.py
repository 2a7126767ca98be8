"""/statistics/ month range (`from`/`to`, YYYY-MM, Korea time): every table and CSV follows it,
the ends of a month are exact, bad months are a translated message on the page (400, never 500),
and each range is cached on its own."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone

from soslab.ideas.models import Ballot
from soslab.problems.models import ProblemStatus
from tests.factories import UserFactory
from tests.ideas.factories import make_dong, make_round
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.teams.factories import make_project, make_team

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


def seoul(*args):
    return dt.datetime(*args, tzinfo=SEOUL)


def _table(response, key):
    return {str(row[0]): row[1:] for row in response.context["sections_by_key"][key].rows}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def months():
    """Problems on both sides of the borders of March and April 2026 (Korea time)."""
    traffic = CategoryFactory(name="교통", name_en="Traffic", slug="traffic", sort_order=1)
    dong = make_dong()
    for created, status in (
        (seoul(2026, 2, 28, 23, 59, 59), ProblemStatus.SOLVED),  # February, not counted
        (seoul(2026, 3, 1, 0, 0, 0), ProblemStatus.SOLVED),  # first second of March
        (seoul(2026, 3, 15, 12), "received"),
        (seoul(2026, 4, 30, 23, 59, 59), "received"),  # last second of April
        (seoul(2026, 5, 1, 0, 0, 0), ProblemStatus.SOLVED),  # May, not counted
    ):
        ProblemFactory(category=traffic, dong=dong, status=status, created_at=created)
    return {"traffic": traffic}


def test_a_month_range_counts_from_the_first_to_the_last_day_in_korea_time(client, months):
    response = client.get("/statistics/", {"from": "2026-03", "to": "2026-04"})
    assert response.status_code == 200
    assert _table(response, "month") == {"2026-03": [2], "2026-04": [1]}
    assert _table(response, "category") == {"교통": [3]}
    answers = _table(response, "answers")
    assert answers["문제"] == [3] and answers["해결됨"] == [1]
    assert answers["해결 비율(%)"] == [33.3]


def test_open_ended_ranges(client, months):
    since_april = client.get("/statistics/", {"from": "2026-04"})
    assert _table(since_april, "month") == {"2026-04": [1], "2026-05": [1]}
    until_march = client.get("/statistics/", {"to": "2026-03"})
    assert _table(until_march, "month") == {"2026-02": [1], "2026-03": [2]}
    one_month = client.get("/statistics/", {"from": "2026-03", "to": "2026-03"})
    assert _table(one_month, "month") == {"2026-03": [2]}


def test_months_apply_to_rounds_and_projects(client, months):
    inside, outside = make_round(vote_budget=2), make_round(vote_budget=2)
    for page, voting_start in ((inside, dt.date(2026, 3, 10)), (outside, dt.date(2026, 6, 1))):
        type(page).objects.filter(pk=page.pk).update(voting_start=voting_start)
        Ballot.objects.create(round=page, user=UserFactory(), votes_used=2)
    team = make_team()
    march = make_project(team, progress_status="done")
    june = make_project(team, progress_status="building")
    type(march).objects.filter(pk=march.pk).update(first_published_at=seoul(2026, 3, 20))
    type(june).objects.filter(pk=june.pk).update(first_published_at=seoul(2026, 6, 20))
    response = client.get("/statistics/", {"from": "2026-03", "to": "2026-04"})
    assert list(_table(response, "rounds")) == [inside.title]
    projects = _table(response, "projects")
    assert projects["완료"] == [1] and projects["제작 중"] == [0]


def test_csv_follows_the_months_and_says_so_in_its_name(client, months):
    response = client.get("/statistics/month.csv", {"from": "2026-03", "to": "2026-04"})
    assert response.status_code == 200
    assert "statistics-month-all-2026-03_2026-04.csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text == "\ufeff월,문제\r\n2026-03,2\r\n2026-04,1\r\n"


def test_the_page_links_each_csv_with_the_months(client, months):
    page = client.get("/statistics/", {"from": "2026-03", "to": "2026-04"}).content.decode()
    assert "/statistics/month.csv?period=all&amp;from=2026-03&amp;to=2026-04" in page
    assert 'value="2026-03"' in page and 'value="2026-04"' in page


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"from": "2026-13"}, "from", "시작 월: 2026-03처럼 YYYY-MM 형식으로 입력해 주세요."),
        ({"to": "March"}, "to", "끝 월: 2026-03처럼 YYYY-MM 형식으로 입력해 주세요."),
        ({"from": "1999-12"}, "from", "시작 월: 2026-03처럼 YYYY-MM 형식으로 입력해 주세요."),
        ({"from": "2026-3"}, "from", "시작 월: 2026-03처럼 YYYY-MM 형식으로 입력해 주세요."),
        (
            {"from": "2026-05", "to": "2026-03"},
            "from",
            "시작 월(2026-05)이 끝 월(2026-03)보다 늦습니다.",
        ),
    ],
)
def test_a_bad_month_is_a_message_on_the_page(client, months, params, field, message):
    response = client.get("/statistics/", params)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'href="#id_{field}"' in page and f'aria-describedby="id_{field}_error"' in page
    # The other filters' numbers are still there, without the months.
    assert _table(response, "answers")["문제"] == [5]
    assert client.get("/statistics/month.csv", params).status_code == 400


def test_a_bad_month_in_english(client, months):
    client.cookies["django_language"] = "en"
    response = client.get("/statistics/", {"from": "2026-05", "to": "2026-03"})
    assert response.status_code == 400
    assert "The first month (2026-05) is after the last month (2026-03)." in (
        response.content.decode()
    )


def test_each_month_range_is_cached_on_its_own(client, months, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        first = client.get("/statistics/", {"from": "2026-03", "to": "2026-03"})
    with django_assert_max_num_queries(1):  # cached: only the category list of the form
        again = client.get("/statistics/", {"from": "2026-03", "to": "2026-03"})
    assert _table(again, "month") == _table(first, "month") == {"2026-03": [2]}
    ProblemFactory(category=months["traffic"], created_at=timezone.now())
    with django_assert_max_num_queries(12):  # another range: computed, not the cached one
        other = client.get("/statistics/", {"from": "2026-02", "to": "2026-03"})
    assert _table(other, "month") == {"2026-02": [1], "2026-03": [2]}
