"""The demo problems (soslab.problems.demo's rows: realistic Jeonju reports in every dong) as a
search corpus, created directly with their analysed search_text, plus one hidden and one pending
problem whose text would match many queries."""

import pytest

from soslab.moderation.models import ModerationState
from soslab.problems.demo import CLUSTER_PROBLEMS, PROBLEMS
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

HIDDEN_TITLE = "숨김 처리된 횡단보도 미세먼지 가로등 문제"
PENDING_TITLE = "승인 대기 중인 횡단보도 미세먼지 가로등 문제"


def _problem(row, *, dongs, categories, author, state=ModerationState.PUBLISHED):
    dong, slug, title, description, place, tags, *_rest = row
    dong = dongs[dong]
    problem = ProblemFactory(
        title=title,
        description=description,
        location_text=place,
        dong=dong,
        lat=dong.rep_lat,
        lon=dong.rep_lon,
        category=categories[slug],
        author=author,
        moderation_state=state,
    )
    problem.tags.set(tags)
    problem.search_text = problem.build_search_text(tags)
    problem.save(update_fields=["search_text"])
    return problem


@pytest.fixture
def demo(dongs):
    """{title: Problem} of the demo rows (public), plus the hidden and pending ones."""
    categories = {
        slug: CategoryFactory(slug=slug, name=slug)
        for slug in ("traffic", "safety", "air", "living", "other")
    }
    author = UserFactory()
    made = {}
    for row in PROBLEMS + CLUSTER_PROBLEMS:
        if row[2] not in made:
            made[row[2]] = _problem(row, dongs=dongs, categories=categories, author=author)
    for title, state in (
        (HIDDEN_TITLE, ModerationState.HIDDEN),
        (PENDING_TITLE, ModerationState.PENDING),
    ):
        row = (
            "중앙동",
            "traffic",
            title,
            f"{title}. 어린이 보호 구역 버스정류장 쓰레기",
            "객사",
            [],
        )
        made[title] = _problem(row, dongs=dongs, categories=categories, author=author, state=state)
    return made
