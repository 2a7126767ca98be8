"""One of every kind of searchable content, all naming the same unusual word, so a search for it
finds exactly these (tests/search_page)."""

from dataclasses import dataclass

import pytest

from soslab.ideas.phases import Phase
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import CategoryFactory, ProblemFactory
from tests.teams.factories import make_event, make_project, make_team

#: A word no factory writes: a search for it finds only what a test made with it.
WORD = "별빛사거리"


@dataclass
class Content:
    category: object
    problem: object
    idea: object
    round: object
    project: object
    event: object


def problem_with(word, **fields):
    fields.setdefault("title", f"{word} 횡단보도 신호가 짧아요")
    fields.setdefault("description", f"{word} 앞 신호가 너무 짧아서 어르신들이 위험합니다.")
    return ProblemFactory(**fields)


@pytest.fixture
def content(db):
    category = CategoryFactory(slug="traffic", name="교통", name_en="Traffic")
    problem = problem_with(WORD, category=category)
    round_page = make_round(
        Phase.VOTING, title="2026 가을 라운드", intro=f"이번 라운드는 {WORD}입니다."
    )
    idea = IdeaFactory(
        round=round_page,
        title="보행 신호 자동 연장",
        summary=f"{WORD}의 신호를 보행자에 맞춰 늘립니다.",
        category=category,
        problems=[problem],
    )
    team = make_team(name="안전한 등굣길 메이커")
    project = make_project(team, title="스마트 횡단보도", summary=f"{WORD}에 감지 알림등을 답니다.")
    event = make_event(
        projects=[project], title="2026 봄 결과공유회", intro=f"{WORD} 프로젝트 발표"
    )
    return Content(category, problem, idea, round_page, project, event)
