import io

import pytest

from soslab.comments import demo
from soslab.comments.models import Comment
from soslab.notifications.models import Follow, Notification
from tests.problems.factories import ProblemFactory


@pytest.mark.django_db
def test_demo_discussions_load_twice_without_duplicates(settings):
    from soslab.accounts import demo as accounts_demo

    settings.SOSLAB_DEMO_ACCOUNTS = True
    accounts_demo.load(io.StringIO())
    problems = ProblemFactory.create_batch(6)
    demo.load(io.StringIO())
    counts = (Comment.objects.count(), Follow.objects.count(), Notification.objects.count())
    assert counts[0] > 6
    assert Comment.objects.filter(is_staff_comment=True).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    demo.load(io.StringIO())
    assert (Comment.objects.count(), Follow.objects.count(), Notification.objects.count()) == counts
    for problem in problems:
        problem.refresh_from_db()
        assert problem.comment_count == Comment.objects.for_target(problem).count()


@pytest.mark.django_db
def test_demo_is_skipped_without_demo_people(settings):
    settings.SOSLAB_DEMO_ACCOUNTS = False
    assert "skipped" in demo.load(io.StringIO())
