"""/search/: every public kind with counts, tabs, filters, pages, the empty state, bad input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soslab.problems.models import ProblemStatus
from tests.problems.factories import CategoryFactory

from .conftest import WORD, problem_with

pytestmark = pytest.mark.django_db


def _get(client, **params):
    return client.get("/search/", params)


def _tab_counts(html):
    """{tab label: count} from the tabs' links."""
    tabs = re.findall(
        r'<li><a href="[^"]*"[^>]*>([^<]+?) <span class="search-tabs__count">([\d,]+)\+?</span>',
        html,
    )
    return {label: int(count.replace(",", "")) for label, count in tabs}


def test_without_words_the_page_asks_for_some_and_searches_nothing(client, content):
    response = _get(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "낱말을 하나 이상 입력하세요" in html
    assert content.problem.title not in html


def test_one_word_finds_every_kind_and_counts_each(client, content):
    response = _get(client, q=WORD)
    assert response.status_code == 200
    html = response.content.decode()
    assert _tab_counts(html) == {
        "전체": 5,
        "문제": 1,
        "아이디어": 1,
        "프로젝트": 1,
        "결과공유회": 1,
        "라운드": 1,
    }
    for url in (
        content.problem.get_absolute_url(),
        content.idea.get_absolute_url(),
        content.project.url,
        content.event.url,
        content.round.url,
    ):
        assert f'href="{url}"' in html


def test_matches_are_marked_in_titles_and_snippets(client, content):
    html = _get(client, q=WORD).content.decode()
    assert f"<mark>{WORD}</mark>" in html


def test_a_kind_tab_lists_only_that_kind(client, content):
    html = _get(client, q=WORD, kind="ideas").content.decode()
    assert content.idea.get_absolute_url() in html
    assert content.problem.get_absolute_url() not in html
    assert 'aria-current="page">아이디어' in html


def test_problems_come_in_pages_of_twenty(client, content):
    for _ in range(24):
        problem_with(WORD, category=content.category)
    first = _get(client, q=WORD, kind="problems").content.decode()
    second = _get(client, q=WORD, kind="problems", page=2).content.decode()
    assert first.count('class="search-result"') == 20
    assert second.count('class="search-result"') == 5
    assert "2쪽 중 1쪽" in first or "Page 1 of 2" in first


def test_a_page_past_the_last_shows_the_last(client, content):
    response = _get(client, q=WORD, kind="problems", page=7)
    assert response.status_code == 200
    assert content.problem.get_absolute_url() in response.content.decode()


def _queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, **params)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_results(client, content):
    _queries(client, q=WORD)  # Wagtail caches the site's root paths on the first request
    few_all = _queries(client, q=WORD)
    few_kind = _queries(client, q=WORD, kind="problems")
    for _ in range(30):
        problem_with(WORD, category=content.category)
    assert _queries(client, q=WORD) == few_all
    assert _queries(client, q=WORD, kind="problems") == few_kind


def test_query_budget(client, content, django_assert_max_num_queries):
    """View restrictions (1); per kind of the five the index's count of matches (SQLite only: it
    picks the plan), the exact-match probe and a capped count (15); rows: five kinds on "all",
    one on a tab; Wagtail's site (1); the form's categories and dongs (2). PostgreSQL: 5 fewer."""
    _get(client, q=WORD)  # Wagtail caches the site's root paths on the first request
    with django_assert_max_num_queries(24):
        assert _get(client, q=WORD).status_code == 200
    with django_assert_max_num_queries(20):
        assert _get(client, q=WORD, kind="problems").status_code == 200


# --- filters ---------------------------------------------------------------------------------


def test_category_narrows_problems_and_ideas_and_drops_pages(client, content):
    other = CategoryFactory(slug="air", name="대기환경")
    problem_with(WORD, category=other)
    html = _get(client, q=WORD, category="traffic").content.decode()
    counts = _tab_counts(html)
    assert counts["문제"] == 1 and counts["아이디어"] == 1
    assert counts["프로젝트"] == counts["결과공유회"] == counts["라운드"] == 0
    assert "분류 필터 지우기" in html or "Remove Category filter" in html


def test_dong_and_status_narrow_problems(client, content, dongs):
    dong = dongs["노송동"]
    elsewhere = problem_with(WORD, category=content.category, dong=dong)
    html = _get(client, q=WORD, dong=dong.code).content.decode()
    assert _tab_counts(html)["전체"] == 1
    assert elsewhere.get_absolute_url() in html
    elsewhere.status = ProblemStatus.SOLVED
    elsewhere.save()
    html = _get(client, q=WORD, status="open").content.decode()
    assert _tab_counts(html)["문제"] == 1
    assert elsewhere.get_absolute_url() not in html


def test_removing_a_filter_keeps_the_words_and_the_other_filters(client, content):
    html = _get(client, q=WORD, category="traffic", status="open").content.decode()
    links = re.findall(r'<a href="([^"]+)">[^<]*(?:필터 지우기|filter)</a>', html)
    assert any("status=open" in link and "category" not in link for link in links)
    assert all("q=" in link for link in links)


def test_nothing_found_suggests_spelling_and_wider_filters(client, content):
    html = _get(client, q="없는낱말xyz", category="traffic").content.decode()
    assert "철자" in html or "spelling" in html
    assert "필터를 모두 지우기" in html or "remove all filters" in html


# --- bad input: a clear 400, never a 500 ------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "가" * 101}, "q"),
        ({"q": WORD, "page": "abc"}, "page"),
        ({"q": WORD, "page": "0"}, "page"),
        ({"q": WORD, "page": "999999999999"}, "page"),
        ({"q": WORD, "kind": "users"}, "kind"),
        ({"q": WORD, "category": "no-such"}, "category"),
        ({"q": WORD, "dong": "0000000000"}, "dong"),
        ({"q": WORD, "status": "lost"}, "status"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, content, params, field):
    response = _get(client, **params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    if field == "page":  # not a field on the form: its message is listed without a link
        assert re.search(r'error-summary__list">\s*<li>[^<]+</li>', html)
    else:
        assert f'href="#id_{field}"' in html
    assert content.problem.get_absolute_url() not in html  # nothing was searched


def test_the_long_query_message_says_the_limit(client, content):
    html = _get(client, q="가" * 150).content.decode()
    assert "100" in html and "150" in html


def test_bad_input_messages_are_english_in_english(client, content):
    client.cookies["django_language"] = "en"
    html = _get(client, q=WORD, kind="users").content.decode()
    assert "There is no kind of result called" in html


def test_the_all_tab_shows_three_of_a_kind_and_links_to_the_rest(client, content):
    for _ in range(4):
        problem_with(WORD, category=content.category)
    html = _get(client, q=WORD).content.decode()
    section = html.split('id="search-section-problems"')[1].split("</section>")[0]
    assert section.count('class="search-result"') == 3
    assert "문제 결과 5건 모두 보기" in section
    assert "kind=problems" in section


def test_a_title_match_ranks_before_a_newer_description_match(client, content):
    newer = problem_with(WORD, title="골목 가로등이 꺼졌어요", category=content.category)
    html = _get(client, q=WORD, kind="problems").content.decode()
    assert html.index(content.problem.get_absolute_url()) < html.index(newer.get_absolute_url())


def test_a_broad_match_counts_everything_and_lists_the_ranked_window(client, content, monkeypatch):
    """Core ranks only a window of a broad match (SQLite, thousands of index matches): the tab
    still counts every match, the pages list the window and say so. Scaled down here."""
    from soslab.core.search import index, matching

    monkeypatch.setattr(index, "BROAD", 3)
    monkeypatch.setattr(matching, "RANK_WINDOW", 40)
    for _ in range(45):
        problem_with(WORD, category=content.category)
    first = _get(client, q=WORD, kind="problems").content.decode()
    assert _tab_counts(first)["문제"] == 46
    last = _get(client, q=WORD, kind="problems", page=2).content.decode()
    assert last.count('class="search-result"') == 20
    assert "Add a word or a filter" in last or "낱말이나 필터를" in last
