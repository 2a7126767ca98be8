"""Counters stay exact under real concurrent transactions on PostgreSQL (one thread and
connection per click): follows with double clicks, and comments posted at the same moment."""

import threading

import pytest
from django.db import connection, connections

from soslab.comments.models import Comment
from soslab.comments.services import comment_create
from soslab.notifications.models import Follow
from soslab.notifications.services import follow_add
from soslab.problems.models import Problem
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory

N = 20


def _storm(jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=30)
            job()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_follows_with_double_clicks_count_exactly(postgres, settings):
    assert connection.vendor == "postgresql"
    problem = ProblemFactory()
    start = Problem.objects.get(pk=problem.pk).follower_count
    users = [UserFactory() for _ in range(N)]

    def click(user):
        return lambda: follow_add(user=user, target=Problem.objects.get(pk=problem.pk))

    # Every person clicks twice at the same moment, from two connections.
    errors = _storm([click(user) for user in users for _ in range(2)])
    assert errors == []
    assert Follow.objects.filter(object_id=problem.pk).count() - start == N
    assert Problem.objects.get(pk=problem.pk).follower_count == start + N


@pytest.mark.django_db(transaction=True)
def test_concurrent_comments_count_exactly(postgres, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    problem = ProblemFactory()
    users = [UserFactory() for _ in range(N)]

    def post(user):
        return lambda: comment_create(
            author=user, target=Problem.objects.get(pk=problem.pk), body=f"{user.pk}번 의견"
        )

    errors = _storm([post(user) for user in users])
    assert errors == []
    assert Comment.objects.for_target(problem).count() == N
    assert Problem.objects.get(pk=problem.pk).comment_count == N
