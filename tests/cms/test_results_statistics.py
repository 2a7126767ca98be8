"""A results-sharing event's statistics are computed from its round's data."""

import pytest

from cms.results.statistics import round_statistics
from soslab.ideas.models import Ballot, Vote
from soslab.moderation.models import ModerationState
from soslab.problems.models import ProblemStatus
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import ProblemFactory, SupportFactory
from tests.teams.factories import make_event, make_project, make_team


def _vote(round_page, idea, user):
    ballot, _ = Ballot.objects.get_or_create(round=round_page, user=user)
    Vote.objects.create(idea=idea, ballot=ballot, user=user)


@pytest.fixture
def round_with_data(db):
    from soslab.ideas.phases import Phase

    round_page = make_round(phase=Phase.MAKING)
    problems = [ProblemFactory() for _ in range(3)]
    ProblemFactory(moderation_state=ModerationState.HIDDEN)  # hidden: not counted
    for problem in problems[:2]:
        SupportFactory(problem=problem)
    SupportFactory(problem=problems[0])
    ideas = [IdeaFactory(round=round_page, problems=[problems[0]]) for _ in range(2)]
    IdeaFactory(round=round_page, problems=[problems[0]], moderation_state=ModerationState.PENDING)
    voter_a, voter_b = UserFactory(), UserFactory()
    _vote(round_page, ideas[0], voter_a)
    _vote(round_page, ideas[1], voter_a)
    _vote(round_page, ideas[0], voter_b)
    team_a, team_b = make_team(round=round_page), make_team(round=round_page)
    make_team()  # another round: not counted
    problems[2].status = ProblemStatus.SOLVED
    problems[2].save(update_fields=["status"])
    project = make_project(team_a, problems=[problems[2]])
    make_project(team_b, live=False)  # draft: not counted
    return round_page, project


@pytest.mark.django_db
def test_statistics_match_the_data(round_with_data):
    round_page, _project = round_with_data
    assert round_statistics(round_page) == {
        "problems": 3,
        "supports": 3,
        "ideas": 2,
        "voters": 2,
        "votes": 3,
        "teams": 2,
        "projects": 1,
        "solved": 1,
    }


@pytest.mark.django_db
def test_event_page_shows_the_statistics_as_a_table_and_a_chart(client, round_with_data):
    round_page, project = round_with_data
    event = make_event(projects=[project], round=round_page)

    html = client.get(event.url).content.decode()

    assert '<td data-stat="votes">3</td>' in html
    assert '<td data-stat="voters">2</td>' in html
    assert "<svg" in html


@pytest.mark.django_db
def test_event_page_shows_the_venue_on_a_map_with_a_text_alternative(client):
    from cms import blocks

    if not hasattr(blocks, "MapBlock"):
        pytest.skip("the geo app's MapBlock is not in cms/blocks.py yet")
    event = make_event(venue_lat=35.8468, venue_lon=127.1293)

    html = client.get(event.url).content.decode()

    assert "places-map" in html
    assert "35.84680" in html
