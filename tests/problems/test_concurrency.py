"""50 people press 공감 at the same moment: exactly 50 supports and a counter of exactly 50, on
PostgreSQL with real concurrent transactions (one thread and connection per person)."""

import threading

import pytest
from django.db import connection, connections

from soslab.problems import supports
from soslab.problems.models import Problem, Support, ThresholdCrossing, ThresholdStep
from tests.factories import UserFactory

from .factories import ProblemFactory

N = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_supports_count_exactly_fifty(postgres):
    assert connection.vendor == "postgresql"
    # A ladder step crossed mid-storm must be recorded exactly once.
    ThresholdStep.objects.all().delete()
    ThresholdStep.objects.create(supports=25, action="answer", answer_days=14)
    problem = ProblemFactory()
    users = [UserFactory() for _ in range(N)]
    barrier = threading.Barrier(N)
    errors = []

    def press(user, twice):
        try:
            barrier.wait(timeout=30)
            supports.support_add(problem=Problem.objects.get(pk=problem.pk), user=user)
            if twice:  # a double click must not count twice
                supports.support_add(problem=Problem.objects.get(pk=problem.pk), user=user)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=press, args=(user, i % 5 == 0)) for i, user in enumerate(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    problem.refresh_from_db()
    assert Support.objects.filter(problem=problem).count() == N
    assert problem.support_count == N
    assert problem.follower_count == N  # every supporter follows, counted exactly
    assert ThresholdCrossing.objects.filter(problem=problem, supports=25).count() == 1
