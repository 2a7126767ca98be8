"""A problem's page costs the same queries with 3 comments as with 150, nearby problems or not,
on the first comment page and on the last (the 2,000-comment bench is benchmarks/)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soslab.comments.models import Comment
from soslab.moderation.models import ModerationState
from soslab.problems.models import Problem
from tests.factories import UserFactory

from .factories import ProblemFactory

pytestmark = pytest.mark.django_db


def _comments(problem, count, authors):
    content_type = ContentType.objects.get_for_model(Problem)
    tops = Comment.objects.bulk_create(
        Comment(
            content_type=content_type,
            object_id=problem.pk,
            author=authors[n % len(authors)],
            body=f"의견 {n}",
            moderation_state=ModerationState.PUBLISHED,
        )
        for n in range(count)
    )
    Comment.objects.bulk_create(
        Comment(
            content_type=content_type,
            object_id=problem.pk,
            author=authors[0],
            parent=top,
            body="답글",
            moderation_state=ModerationState.PUBLISHED,
        )
        for top in tops[::3]
    )
    Problem.objects.filter(pk=problem.pk).update(comment_count=count + len(tops[::3]))


def _queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("logged_in", [False, True])
def test_problem_page_queries_do_not_grow_with_comments(client, logged_in):
    authors = UserFactory.create_batch(3)
    if logged_in:
        client.force_login(UserFactory())
    small, big = ProblemFactory(), ProblemFactory()
    _comments(small, 3, authors)
    _comments(big, 150, authors)
    for _ in range(30):  # nearby problems: the "similar" box finds them
        ProblemFactory(category=big.category)
    few = _queries(client, small.get_absolute_url())
    assert _queries(client, big.get_absolute_url()) == few
    assert _queries(client, f"{big.get_absolute_url()}?comments_page=8") == few
