"""A block (user_block) stops every kind of write: posting problems, supporting, commenting,
proposing ideas, voting and reporting; reading still works; unblocking lifts it at once."""

import pytest
from django.urls import reverse

from soslab.accounts.permissions import PostingRefused
from soslab.comments.services import comment_create
from soslab.moderation.blocks import user_block, user_unblock
from soslab.moderation.models import ReportReason
from soslab.moderation.reports import report_create
from soslab.problems.services import problem_create
from soslab.problems.supports import support_add
from tests.factories import UserFactory
from tests.problems.factories import CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blocked(moderator):
    person = UserFactory()
    user_block(moderator=moderator, user=person, days=7, reason="반복적인 광고")
    person.refresh_from_db()
    return person


@pytest.fixture
def problem(dongs):
    return ProblemFactory()


WRITES = {
    "problem": lambda person, problem: problem_create(
        author=person,
        title="새로 올리는 지역 문제",
        description="가로등이 꺼져서 밤길이 어둡습니다. 확인 부탁드립니다.",
        category=CategoryFactory(),
        lat=problem.lat,
        lon=problem.lon,
    ),
    "support": lambda person, problem: support_add(problem=problem, user=person),
    "comment": lambda person, problem: comment_create(
        author=person, target=problem, body="저도 같은 문제를 겪고 있어요"
    ),
    "report": lambda person, problem: report_create(
        reporter=person, target=problem, reason=ReportReason.SPAM
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_block_stops_every_write(blocked, problem, write):
    with pytest.raises(PostingRefused) as refused:
        WRITES[write](blocked, problem)
    assert refused.value.code == "blocked"


@pytest.mark.parametrize("write", list(WRITES))
def test_unblocking_lets_them_write_again(blocked, problem, moderator, write, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    user_unblock(moderator=moderator, user=blocked)
    blocked.refresh_from_db()
    assert WRITES[write](blocked, problem) is not None or write == "support"


def test_block_stops_proposing_ideas_and_voting(blocked):
    from soslab.ideas.phases import Phase
    from soslab.ideas.services import idea_create, vote_cast
    from tests.ideas.factories import IdeaFactory, ProblemFactory, make_round

    ideas_round = make_round(phase=Phase.IDEAS)
    with pytest.raises(PostingRefused) as refused:
        idea_create(
            author=blocked,
            round_page=ideas_round,
            title="스마트 가로등",
            summary="요약",
            description="설명입니다. 충분히 길게 씁니다.",
            problems=[ProblemFactory()],
        )
    assert refused.value.code == "blocked"
    idea = IdeaFactory(round=make_round(phase=Phase.VOTING))
    with pytest.raises(PostingRefused) as refused:
        vote_cast(user=blocked, idea=idea)
    assert refused.value.code == "blocked"


def test_blocked_person_still_reads_but_write_endpoints_answer_403(client, blocked, problem):
    client.force_login(blocked)
    assert client.get(problem.get_absolute_url()).status_code == 200
    support = client.post(
        reverse("problems:support", args=[problem.pk]), HTTP_ACCEPT="application/json"
    )
    assert support.status_code == 403
    assert support.json()["error"] == "blocked"
    report = client.post(
        reverse("moderation:report", args=["problems.problem", problem.pk]),
        {"reason": "spam"},
        HTTP_ACCEPT="application/json",
    )
    assert report.status_code == 403
    assert report.json()["message"]
