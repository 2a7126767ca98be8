"""The vote budget and vote counts stay exact under parallel requests (SQLite and PostgreSQL)."""

import threading

import pytest
from django.db import close_old_connections, connection

from soslab.ideas import services
from soslab.ideas.models import Ballot, Idea, Vote
from soslab.ideas.phases import Phase
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, make_round


def run_in_parallel(jobs):
    """Run callables at the same moment in threads (one DB connection each); return the errors."""
    barrier = threading.Barrier(len(jobs))
    outcomes = []
    lock = threading.Lock()

    def worker(job):
        try:
            barrier.wait(timeout=20)
            result = job()
        except Exception as exc:  # noqa: BLE001 - collected for the assertions
            result = exc
        finally:
            close_old_connections()
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def _twenty_votes_by_one_user_record_exactly_three():
    page = make_round(Phase.VOTING, vote_budget=3)
    voter = UserFactory()
    ideas = [IdeaFactory(round=page) for _ in range(20)]

    def vote(idea):
        return lambda: services.vote_cast(user=voter, idea=idea)

    outcomes = run_in_parallel([vote(idea) for idea in ideas])
    refused = [o for o in outcomes if isinstance(o, services.VoteRefused)]
    unexpected = [o for o in outcomes if isinstance(o, Exception) and o not in refused]
    assert unexpected == []
    assert Vote.objects.filter(user=voter).count() == 3
    assert Ballot.objects.get(user=voter, round=page).votes_used == 3
    assert sum(Idea.objects.filter(round=page).values_list("vote_count", flat=True)) == 3
    assert len(refused) == 17
    assert {o.code for o in refused} == {"over_budget"}


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_votes_budget_three_postgres(postgres):
    _twenty_votes_by_one_user_record_exactly_three()


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_votes_budget_three_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL variant runs instead")
    _twenty_votes_by_one_user_record_exactly_three()


@pytest.mark.django_db(transaction=True)
def test_parallel_votes_by_many_people_keep_the_count_exact():
    page = make_round(Phase.VOTING, vote_budget=3)
    idea = IdeaFactory(round=page)
    voters = [UserFactory() for _ in range(15)]
    outcomes = run_in_parallel(
        [lambda voter=voter: services.vote_cast(user=voter, idea=idea) for voter in voters]
    )
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    idea.refresh_from_db()
    assert idea.vote_count == 15 == Vote.objects.filter(idea=idea).count()


@pytest.mark.django_db(transaction=True)
def test_parallel_double_vote_on_one_idea_records_one():
    page = make_round(Phase.VOTING, vote_budget=3)
    idea = IdeaFactory(round=page)
    voter = UserFactory()
    outcomes = run_in_parallel([lambda: services.vote_cast(user=voter, idea=idea)] * 10)
    refused = [o for o in outcomes if isinstance(o, services.VoteRefused)]
    assert len(refused) == 9 and {o.code for o in refused} == {"already_voted"}
    idea.refresh_from_db()
    assert idea.vote_count == 1
    assert Ballot.objects.get(user=voter).votes_used == 1
