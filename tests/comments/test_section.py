import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from soslab.comments.models import Comment
from soslab.comments.services import comment_create, comment_delete
from soslab.moderation.models import ModerationState
from tests.factories import StaffFactory, UserFactory

TEMPLATE = Template("{% load comments_tags %}{% comments_section target %}")


def render(target, user=None, query=""):
    request = RequestFactory().get(f"{target.get_url()}{query}")
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    with translation.override("ko"):
        return TEMPLATE.render(Context({"request": request, "target": target}))


def _thread(target, tops, replies_each):
    authors = UserFactory.create_batch(3)
    for n in range(tops):
        top = comment_create(author=authors[n % 3], target=target, body=f"의견 {n}")
        for m in range(replies_each):
            comment_create(
                author=authors[(n + m + 1) % 3], target=target, body=f"답글 {n}-{m}", parent=top
            )


@pytest.mark.django_db
def test_query_count_is_constant_whatever_the_number_of_comments(make_target, citizen):
    small, big = make_target(), make_target()
    _thread(small, tops=1, replies_each=1)
    _thread(big, tops=25, replies_each=3)
    viewer = UserFactory()
    counts = []
    for target in (small, big):
        for user in (None, viewer):
            render(target, user)  # warm per-process caches (content types)
            with CaptureQueriesContext(connection) as queries:
                render(target, user)
            counts.append(len(queries))
    assert counts[0] == counts[2]  # anonymous: few vs many
    assert counts[1] == counts[3]  # signed in: few vs many
    assert counts[2] <= 4


@pytest.mark.django_db
def test_thread_shows_replies_under_their_comment_and_paginates(target):
    _thread(target, tops=21, replies_each=1)
    html = render(target)
    assert "의견 0" in html and "답글 0-0" in html
    assert "의견 20" not in html
    assert "comments_page=2" in html
    second = render(target, query="?comments_page=2")
    assert "의견 20" in second and "답글 20-0" in second


@pytest.mark.django_db
def test_text_is_escaped_and_links_are_nofollow_ugc(target, citizen):
    comment_create(
        author=citizen, target=target, body="<script>alert(1)</script>\n자료: https://jeonju.go.kr"
    )
    html = render(target)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    assert 'rel="nofollow ugc"' in html
    assert "<br>" in html


@pytest.mark.django_db
def test_deleted_comment_leaves_the_placeholder(target, citizen):
    comment = comment_create(author=citizen, target=target, body="지울 글입니다")
    comment_delete(comment=comment, actor=citizen)
    html = render(target)
    assert "삭제된 댓글입니다" in html
    assert "지울 글입니다" not in html


@pytest.mark.django_db
def test_hidden_comment_is_a_placeholder_for_others_and_marked_for_its_author(
    target, citizen, moderator
):
    comment = comment_create(author=citizen, target=target, body="숨겨질 글")
    Comment.objects.filter(pk=comment.pk).update(moderation_state=ModerationState.HIDDEN)
    for viewer in (None, UserFactory()):
        html = render(target, viewer)
        assert "검토 중인 게시물입니다" in html
        assert "숨겨질 글" not in html
    own = render(target, citizen)
    assert "숨겨질 글" in own
    assert "comment--not-public" in own
    assert "숨겨질 글" in render(target, moderator)


@pytest.mark.django_db
def test_staff_comments_have_a_badge(target):
    comment_create(author=StaffFactory(), target=target, body="담당 부서 답변입니다")
    html = render(target)
    assert "badge--staff" in html


@pytest.mark.django_db
def test_edit_and_delete_only_for_the_author(target, citizen, moderator):
    comment = comment_create(author=citizen, target=target, body="내 글")
    own = render(target, citizen)
    assert f"/comments/{comment.pk}/edit/" in own
    assert f"/comments/{comment.pk}/delete/" in own
    other = render(target, UserFactory())
    assert f"/comments/{comment.pk}/edit/" not in other
    assert f"/comments/{comment.pk}/delete/" not in other
    mod = render(target, moderator)
    assert f"/comments/{comment.pk}/edit/" not in mod
    assert f"/comments/{comment.pk}/delete/" in mod


@pytest.mark.django_db
def test_forms_for_each_kind_of_visitor(target, citizen, unverified_user):
    top = comment_create(author=UserFactory(), target=target, body="첫 댓글")
    anonymous = render(target)
    assert "/accounts/login/" in anonymous
    assert 'name="body"' not in anonymous
    verified = render(target, citizen)
    assert 'action="/comments/post/"' in verified
    assert f'name="parent" value="{top.pk}"' in verified
    assert 'for="id_comment_body"' in verified
    unverified = render(target, unverified_user)
    assert 'action="/comments/post/"' not in unverified
    assert "message--warning" in unverified


@pytest.mark.django_db
def test_a_target_can_close_its_comments(target, citizen):
    from soslab.comments.services import CommentRefused

    comment_create(author=UserFactory(), target=target, body="마감 전에 쓴 댓글")
    target.comments_open = False
    html = render(target, citizen)
    assert "마감 전에 쓴 댓글" in html
    assert 'action="/comments/post/"' not in html
    assert "이곳에는 댓글을 달 수 없습니다." in html
    with pytest.raises(CommentRefused) as refused:
        comment_create(author=citizen, target=target, body="마감 후 댓글")
    assert refused.value.code == "target_not_public"
