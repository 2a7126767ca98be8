"""rank_matching: the title before the description, the exact phrase before scattered words,
then the registration's tie-break; the fallback finds unknown and misspelt words."""

import pytest

from soslab.core.search import filter_matching, rank_matching
from soslab.ideas.models import Idea
from soslab.problems.models import Problem
from tests.ideas.factories import IdeaFactory
from tests.problems.factories import ProblemFactory

pytestmark = pytest.mark.django_db


def ranked(q, queryset=None):
    queryset = Problem.objects.public() if queryset is None else queryset
    return [row.title for row in rank_matching(queryset, q)]


def test_title_matches_come_before_description_matches(dongs):
    ProblemFactory(title="골목이 어두워요 조명 요청", description="가로등이 하나도 없습니다.")
    ProblemFactory(title="가로등이 꺼져 있어요", description="밤에 지나가기 무섭습니다.")
    assert ranked("가로등") == ["가로등이 꺼져 있어요", "골목이 어두워요 조명 요청"]


def test_the_exact_phrase_comes_before_scattered_words(dongs):
    ProblemFactory(
        title="학교 앞 안전 문제",
        description="어린이들이 다니는 길인데 보호 장치가 없고, 이 구역은 차가 빠릅니다.",
    )
    ProblemFactory(
        title="학교 앞 안전 문제 둘", description="어린이 보호 구역 표시가 지워졌습니다."
    )
    assert ranked("어린이보호구역") == ["학교 앞 안전 문제 둘", "학교 앞 안전 문제"]


def test_ties_go_to_the_most_supported(dongs):
    ProblemFactory(title="분리수거함이 넘쳐요", support_count=1)
    ProblemFactory(title="분리수거함이 또 넘쳐요", support_count=9)
    rows = list(rank_matching(Problem.objects.public(), "분리수거함"))
    assert [row.support_count for row in rows] == [9, 1]
    assert rows[0].search_rank == rows[1].search_rank > 0


def test_an_empty_query_ranks_everything_equally(dongs):
    ProblemFactory()
    assert [row.search_rank for row in rank_matching(Problem.objects.public(), "")] == [0]


def test_ideas_are_ranked_too(dongs):
    IdeaFactory(title="스마트 그늘막 만들기", summary="폭염에 버스정류장 그늘을 만듭니다.")
    IdeaFactory(title="정류장 의자 바꾸기", summary="그늘막 옆에 의자를 둡니다.")
    assert [i.title for i in rank_matching(Idea.objects.public(), "그늘막")] == [
        "스마트 그늘막 만들기",
        "정류장 의자 바꾸기",
    ]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("효쟈동", "효자동 원룸촌 분리수거장 넘침"),  # a misspelt dong
        ("가로둥", "시청 뒤 골목 가로등이 꺼져 있어요"),  # a misspelt word
        ("에코씨티", "송천동 에코시티 통학버스 정차 위치"),  # a place name, misspelt
        ("덕진공웡", "덕진공원 연못 주변 쓰레기"),
    ],
)
def test_the_fallback_finds_misspelt_words(dongs, query, title):
    ProblemFactory(title=title)
    ProblemFactory(title="전혀 상관없는 하수구 냄새 문제")
    assert [p.title for p in filter_matching(Problem.objects.public(), query)] == [title]
    assert ranked(query)[0] == title


def test_the_fallback_finds_a_place_name_kiwi_does_not_know(dongs):
    hit = ProblemFactory(title="꽃마루공원 입구 계단이 부서졌어요")
    ProblemFactory(title="버스 정류장 의자가 부서졌어요")
    assert list(filter_matching(Problem.objects.public(), "꽃마루")) == [hit]


def test_the_fallback_is_not_used_when_something_matches_exactly(dongs):
    exact = ProblemFactory(title="효자동 골목 쓰레기")
    ProblemFactory(title="효자공원 벤치 부족")
    assert list(filter_matching(Problem.objects.public(), "효자동")) == [exact]


def test_with_thousands_of_matches_the_window_is_ranked(dongs, monkeypatch):
    from soslab.core.search import index, matching

    monkeypatch.setattr(index, "BROAD", 1)  # as if thousands matched (SQLite's count)
    monkeypatch.setattr(matching, "RANK_WINDOW", 2)
    ProblemFactory(title="골목 조명 요청", description="가로등이 없습니다.", support_count=5)
    ProblemFactory(title="가로등이 꺼져 있어요", support_count=3)
    ProblemFactory(title="가로등 전구 교체", support_count=0)  # outside the window of two
    assert ranked("가로등") == ["가로등이 꺼져 있어요", "골목 조명 요청"]
